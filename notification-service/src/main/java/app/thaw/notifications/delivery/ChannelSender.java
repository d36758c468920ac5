package app.thaw.notifications.delivery;

import app.thaw.notifications.recipients.Channel;
import reactor.core.publisher.Mono;

/**
 * Carries messages on one channel. A failure is an outcome, not an error signal: the pipeline
 * logs every attempt, so a sender reports what the provider said rather than throwing.
 */
public interface ChannelSender {

    Channel channel();

    Mono<SendOutcome> send(OutgoingMessage message);
}

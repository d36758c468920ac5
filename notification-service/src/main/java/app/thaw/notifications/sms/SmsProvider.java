package app.thaw.notifications.sms;

import reactor.core.publisher.Mono;

/**
 * An SMS provider's API. {@link #send} completes with the provider's message id, or errors with
 * {@link SmsProviderFailure} (or a transport error): the caller then fails over to the next provider.
 */
public interface SmsProvider {

    String name();

    Mono<String> send(String phoneNumber, String text);
}

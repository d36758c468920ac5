package app.thaw.notifications.sms;

import java.util.ArrayList;
import java.util.List;

import app.thaw.notifications.delivery.ChannelSender;
import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.delivery.SendOutcome;
import app.thaw.notifications.mailbox.MailboxService;
import app.thaw.notifications.recipients.Channel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Sends SMS through the configured providers with failover: when one fails (an error answer, a
 * timeout, no connection) the next is tried at once, and the log keeps what each said. No
 * provider configured: the message goes to the development mailbox.
 */
@Component
public class SmsSender implements ChannelSender {

    private final List<SmsProvider> providers;
    private final MailboxService mailbox;

    /** The configured HTTP providers, in order, sharing one WebClient. */
    @Autowired
    SmsSender(SmsProperties properties, WebClient.Builder builder, MailboxService mailbox) {
        this(httpProviders(properties, builder.clone().build()), mailbox);
    }

    public SmsSender(List<SmsProvider> providers, MailboxService mailbox) {
        this.providers = List.copyOf(providers);
        this.mailbox = mailbox;
    }

    private static List<SmsProvider> httpProviders(SmsProperties properties, WebClient web) {
        return properties.providers().stream()
                .<SmsProvider>map(provider -> new HttpSmsProvider(provider, web, properties.timeout()))
                .toList();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Mono<SendOutcome> send(OutgoingMessage message) {
        if (providers.isEmpty()) {
            return mailbox.capture(message)
                    .map(id -> SendOutcome.success("mailbox", "captured in the development mailbox"));
        }
        if (message.address() == null || message.message() == null) {
            return Mono.just(SendOutcome.failure("sms", "no phone number or no text"));
        }
        return attempt(0, message.address(), message.message().text(), new ArrayList<>());
    }

    private Mono<SendOutcome> attempt(int index, String phone, String text, List<String> failures) {
        if (index >= providers.size()) {
            return Mono.just(SendOutcome.failure(
                    String.join(",", providers.stream().map(SmsProvider::name).toList()),
                    "every provider failed: " + String.join("; ", failures)));
        }
        SmsProvider provider = providers.get(index);
        return provider.send(phone, text)
                .map(id -> SendOutcome.success(
                        provider.name(),
                        (failures.isEmpty() ? "" : "after " + String.join("; ", failures) + "; ") + "message id " + id))
                .onErrorResume(failure -> {
                    failures.add(
                            provider.name() + ": " + failure.getClass().getSimpleName() + " " + failure.getMessage());
                    return attempt(index + 1, phone, text, failures);
                });
    }
}

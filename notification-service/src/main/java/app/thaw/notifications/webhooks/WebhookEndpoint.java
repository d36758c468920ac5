package app.thaw.notifications.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's registered webhook receiver.
 *
 * @param eventTypes    the types it receives; {@code thaw.case.*} style patterns allowed
 * @param secrets       the current secret last; an older one signs too until it expires
 * @param failingSince  when the first failure since the last success happened
 */
public record WebhookEndpoint(
        String id,
        String tenantId,
        URI url,
        List<String> eventTypes,
        List<WebhookSecret> secrets,
        boolean enabled,
        @Nullable String disabledReason,
        @Nullable Instant failingSince,
        long version) {

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
        secrets = List.copyOf(secrets);
    }

    public boolean wants(String eventType) {
        return eventTypes.stream()
                .anyMatch(pattern -> pattern.endsWith("*")
                        ? eventType.startsWith(pattern.substring(0, pattern.length() - 1))
                        : eventType.equals(pattern));
    }

    /** The secrets that sign at {@code now}. */
    public List<WebhookSecret> activeSecrets(Instant now) {
        return secrets.stream().filter(secret -> secret.activeAt(now)).toList();
    }

    public WebhookSecret currentSecret() {
        return secrets.getLast();
    }
}

package app.thaw.notifications.webhooks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.thaw.platform.store.CursorPage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A tenant's webhook endpoints: registered behind the address guard, rotated, disabled when they
 * keep failing. Sending reads an endpoint once per {@code endpoint-reuse} (1 s) rather than once per
 * message, and planning a notification reads the tenant's enabled endpoints once per reuse time
 * rather than once per event: under load most events and sends find them just read. Every change
 * made here drops those copies at once; a change made through another instance (a new endpoint
 * too) is seen within the reuse time. Another tenant's endpoint is not found (404).
 */
public interface WebhookService {

    /** The plan quota on endpoints registered in a month (thaw/plans.yaml). */
    String WEBHOOK_ENDPOINTS_QUOTA = "webhookEndpoints";

    /** Checks a URL against the address guard; name resolution blocks, so it runs on the bounded elastic scheduler. */
    Mono<URI> checked(URI url);

    /**
     * Registers an endpoint. With an {@code Idempotency-Key} its id derives from the key (ADR 54, 56): a
     * request run again after its instance died between the insert and the key's completion finds
     * the endpoint the first run made (in the caller's tenant) and answers with it, secret included,
     * to the same principal, instead of registering a second one.
     */
    Mono<WebhookEndpoint> register(String tenantId, URI url, List<String> eventTypes, @Nullable WebhookSecret secret);

    Mono<WebhookEndpoint> get(String tenantId, String id);

    Mono<CursorPage<WebhookEndpoint>> list(String tenantId, CursorPage.Request page);

    /** Endpoints that are disabled or have failed since their last success, at most {@code limit}. */
    Flux<WebhookEndpoint> failing(String tenantId, int limit);

    /** Changes URL, types or the enabled flag at the version read; enabling again forgets past failures. */
    Mono<WebhookEndpoint> update(
            String tenantId, String id, long expectedVersion, URI url, List<String> eventTypes, boolean enabled);

    /** A new secret; the ones before it keep signing for {@code overlap}, so receivers can switch without losing messages. */
    Mono<WebhookEndpoint> rotate(String tenantId, String id, long expectedVersion, Duration overlap);

    Mono<Void> remove(String tenantId, String id);

    /** The tenant's enabled endpoints that receive {@code eventType}. */
    Flux<WebhookEndpoint> forEvent(String tenantId, String eventType);

    /** Loads an endpoint for sending (no caller: the pipeline acts for the tenant). */
    Mono<WebhookEndpoint> forSending(String tenantId, String id);

    Mono<Void> recordSuccess(String tenantId, String id);

    /**
     * Notes a failure; true when it disabled the endpoint now because it has failed for
     * {@code disableAfter} without a success in between.
     */
    Mono<Boolean> recordFailure(String tenantId, String id, Instant failedAt, Duration disableAfter);

    /** Disables the endpoint; true if this call did it (it was enabled). */
    Mono<Boolean> disable(String tenantId, String id, String reason);

    /**
     * Seals the secrets stored in clear before secrets were sealed; each endpoint is rewritten only
     * if unchanged since it was read, so a concurrent change wins and the next start seals what is
     * left. Runs at start; answers how many endpoints it sealed.
     */
    Mono<Long> sealSecretsStoredInClear();
}

package app.thaw.cases.insurer;

import java.time.Instant;

import app.thaw.platform.events.EventHandlers;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which insurer follows which case, as evidence-service (the owner of consents) reports it with
 * {@code thaw.evidence.consent_granted} / {@code .consent_revoked}. A revocation is terminal, so a
 * late or repeated grant never brings a withdrawn consent back.
 */
public interface InsurerFollows {

    /** One consent on a case: the insurer it lets follow the case, and whether it still does. */
    record Consent(
            String caseId,
            String caseTenantId,
            String insurerTenantId,
            boolean active,
            @Nullable Instant at,
            @Nullable Instant revokedAt) {}

    /** Its consumers of evidence-service's consent events. */
    EventHandlers bindings();

    /** The active consents {@code insurerTenantId} holds, newest first (at most 1,000). */
    Flux<Consent> following(String insurerTenantId);

    /** Every consent ever given on the case of {@code caseTenantId} (active or withdrawn), oldest first. */
    Flux<Consent> ofCase(String caseTenantId, String caseId);

    /** The active consent of {@code insurerTenantId} on the case, if it holds one. */
    Mono<Consent> activeConsent(String insurerTenantId, String caseId);
}

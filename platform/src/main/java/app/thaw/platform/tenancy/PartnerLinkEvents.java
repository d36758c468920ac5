package app.thaw.platform.tenancy;

import java.time.Instant;
import java.util.List;

import app.thaw.platform.events.EventBinding;
import app.thaw.platform.events.EventHandlers;
import app.thaw.platform.events.EventType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The {@code thaw.partner.*} events (docs/events.md): case-service, the owner of partner links,
 * publishes them through {@link PartnerLinks#change}; every other service keeps its replica from
 * them. The records are the platform's because the replica is (one mechanism, both ends).
 */
public final class PartnerLinkEvents {

    private PartnerLinkEvents() {}

    /** What both events say of a link: the state after the change is the event's type. */
    sealed interface Change {
        String merchantTenantId();

        String partnerTenantId();

        long sequence();

        Instant changedAt();

        String changedBy();

        @Nullable
        Instant linkedAt();
    }

    /** @param sequence per link, from 1 (also the event's own sequence): a replica applies newer over older */
    @EventType("thaw.partner.linked")
    public record Linked(
            String merchantTenantId,
            String partnerTenantId,
            boolean active,
            long sequence,
            Instant changedAt,
            String changedBy,
            @Nullable Instant linkedAt)
            implements Change {}

    /** @param linkedAt when the revoked link was made */
    @EventType("thaw.partner.unlinked")
    public record Unlinked(
            String merchantTenantId,
            String partnerTenantId,
            boolean active,
            long sequence,
            Instant changedAt,
            String changedBy,
            @Nullable Instant linkedAt)
            implements Change {}

    /** The event's record for a link's state after a change. */
    static Change of(PartnerLink link) {
        return link.active()
                ? new Linked(
                        link.merchantTenantId(),
                        link.partnerTenantId(),
                        true,
                        link.sequence(),
                        link.changedAt(),
                        link.changedBy(),
                        link.linkedAt())
                : new Unlinked(
                        link.merchantTenantId(),
                        link.partnerTenantId(),
                        false,
                        link.sequence(),
                        link.changedAt(),
                        link.changedBy(),
                        link.linkedAt());
    }

    /** Keeps this service's replica of partner links. */
    static EventHandlers replica(PartnerLinks links) {
        return new EventHandlers(List.of(
                EventBinding.on(Linked.class, event -> apply(links, event.tenantId(), event.data(), true)),
                EventBinding.on(Unlinked.class, event -> apply(links, event.tenantId(), event.data(), false))));
    }

    private static Mono<Void> apply(PartnerLinks links, String eventTenant, Change change, boolean active) {
        // The event's tenant is the merchant whose data the link opens; anything else is not a link change.
        if (!change.merchantTenantId().equals(eventTenant)) {
            return Mono.empty();
        }
        return links.apply(new PartnerLink(
                        change.merchantTenantId(),
                        change.partnerTenantId(),
                        active,
                        change.sequence(),
                        change.changedAt(),
                        change.changedBy(),
                        change.linkedAt()))
                .then();
    }
}

package app.thaw.platform.tenancy;

import java.time.Instant;
import java.util.Map;

import app.thaw.platform.events.EventHandler;
import app.thaw.platform.events.ThawEvent;
import reactor.core.publisher.Mono;

/** Keeps this service's replica of partner links from case-service's {@code thaw.partner.*} events. */
public class PartnerLinkEvents implements EventHandler {

    /** The fields this consumer reads of {@code thaw.partner.linked} / {@code .unlinked} (docs/events.md). */
    record LinkChanged(String merchantTenantId, String partnerTenantId, boolean active, long sequence, Instant changedAt,
                       String changedBy) {

        static LinkChanged from(ThawEvent event) {
            Map<String, Object> data = event.data();
            return new LinkChanged(String.valueOf(data.get("merchantTenantId")), String.valueOf(data.get("partnerTenantId")),
                    Boolean.TRUE.equals(data.get("active")), ((Number) data.get("sequence")).longValue(),
                    Instant.parse(String.valueOf(data.get("changedAt"))), String.valueOf(data.get("changedBy")));
        }
    }

    private final PartnerLinks links;

    public PartnerLinkEvents(PartnerLinks links) {
        this.links = links;
    }

    @Override
    public boolean handles(String type) {
        return PartnerLinks.LINKED.equals(type) || PartnerLinks.UNLINKED.equals(type);
    }

    @Override
    public Mono<Void> handle(ThawEvent event) {
        LinkChanged changed = LinkChanged.from(event);
        if (!changed.merchantTenantId().equals(event.tenantId())) {
            // The event's tenant is the merchant whose data the link opens; anything else is not a link change.
            return Mono.empty();
        }
        return links.apply(new PartnerLink(changed.merchantTenantId(), changed.partnerTenantId(), changed.active(), changed.sequence(),
                changed.changedAt(), changed.changedBy(), null)).then();
    }
}

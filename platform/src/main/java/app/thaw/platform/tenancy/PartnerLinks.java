package app.thaw.platform.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.store.IndexedStore;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Partner links in this service's own database ({@value #COLLECTION}). case-service owns them and
 * changes them with {@link #change} (the change and its {@code thaw.partner.*} event in one write);
 * every other service keeps a replica that {@link PartnerLinkEvents} feeds with {@link #apply}.
 */
public class PartnerLinks implements IndexedStore {

    public static final String COLLECTION = "partner_links";
    public static final String LINKED = "thaw.partner.linked";
    public static final String UNLINKED = "thaw.partner.unlinked";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final @Nullable EventOutbox outbox;

    public PartnerLinks(ReactiveMongoTemplate mongo, Clock clock, @Nullable EventOutbox outbox) {
        this.mongo = mongo;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Whether {@code merchantTenantId} has linked {@code partnerTenantId} and not revoked the link. */
    public Mono<Boolean> linked(String merchantTenantId, String partnerTenantId) {
        return mongo.exists(
                Query.query(Criteria.where("_id")
                        .is(PartnerLink.key(merchantTenantId, partnerTenantId))
                        .and("active")
                        .is(true)),
                COLLECTION);
    }

    /** The merchants that have linked {@code partnerTenantId} now. */
    public Flux<String> merchantsOf(String partnerTenantId) {
        return mongo.find(
                        Query.query(Criteria.where("partnerTenantId")
                                        .is(partnerTenantId)
                                        .and("active")
                                        .is(true))
                                .with(Sort.by("merchantTenantId"))
                                .limit(1000),
                        Document.class,
                        COLLECTION)
                .map(document -> document.getString("merchantTenantId"));
    }

    /** The partner banks {@code merchantTenantId} has linked now (a merchant's events reach them, ADR 61). */
    public Flux<String> partnersOf(String merchantTenantId) {
        return mongo.find(
                        Query.query(Criteria.where("merchantTenantId")
                                        .is(merchantTenantId)
                                        .and("active")
                                        .is(true))
                                .with(Sort.by("partnerTenantId"))
                                .limit(1000),
                        Document.class,
                        COLLECTION)
                .map(document -> document.getString("partnerTenantId"));
    }

    /** Every link, active or revoked, in which {@code tenantId} is the merchant or the partner. */
    public Flux<PartnerLink> of(String tenantId) {
        return mongo.find(
                        Query.query(new Criteria()
                                        .orOperator(
                                                Criteria.where("merchantTenantId")
                                                        .is(tenantId),
                                                Criteria.where("partnerTenantId")
                                                        .is(tenantId)))
                                .with(Sort.by("_id"))
                                .limit(1000),
                        Document.class,
                        COLLECTION)
                .map(PartnerLinks::link);
    }

    public Mono<PartnerLink> find(String merchantTenantId, String partnerTenantId) {
        return mongo.findById(PartnerLink.key(merchantTenantId, partnerTenantId), Document.class, COLLECTION)
                .map(PartnerLinks::link);
    }

    /**
     * The owner's change: links ({@code active}) or revokes the link, with its event, in one write,
     * then releases the event. A link already in the asked state is answered as it is, unchanged.
     */
    public Mono<PartnerLink> change(
            String merchantTenantId,
            String partnerTenantId,
            boolean active,
            String by,
            String source,
            @Nullable String traceparent) {
        String id = PartnerLink.key(merchantTenantId, partnerTenantId);
        return Mono.defer(() -> mongo.findById(id, Document.class, COLLECTION)
                        .map(PartnerLinks::link)
                        .map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(current -> {
                            if (current.isPresent() && current.get().active() == active) {
                                return Mono.just(current.get());
                            }
                            long sequence = current.map(PartnerLink::sequence).orElse(0L) + 1;
                            Instant now = clock.instant();
                            Instant linkedAt = active
                                    ? now
                                    : current.map(PartnerLink::linkedAt).orElse(null);
                            PartnerLink next = new PartnerLink(
                                    merchantTenantId, partnerTenantId, active, sequence, now, by, linkedAt);
                            ThawEvent event = ThawEvent.of(
                                    source,
                                    id,
                                    merchantTenantId,
                                    now,
                                    sequence,
                                    traceparent,
                                    PartnerLinkEvents.of(next));
                            Update update = EventOutbox.record(fields(next), List.of(event));
                            Query expected = Query.query(
                                    Criteria.where("_id").is(id).and("sequence").is(sequence - 1));
                            return mongo.upsert(expected, update, COLLECTION)
                                    .then(outbox == null ? Mono.empty() : outbox.release(COLLECTION, id))
                                    .thenReturn(next);
                        }))
                // Two changes at once: the loser's upsert collides on _id; read again and decide anew.
                .retryWhen(Retry.max(5).filter(DuplicateKeyException.class::isInstance));
    }

    /** A replica applies an owner's change: newer over older, an older or repeated one changes nothing. */
    public Mono<Boolean> apply(PartnerLink link) {
        Query older =
                Query.query(Criteria.where("_id").is(link.id()).and("sequence").lt(link.sequence()));
        return mongo.upsert(older, fields(link), COLLECTION)
                .map(result -> true)
                .onErrorResume(DuplicateKeyException.class, newerStored -> Mono.just(false));
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(
                        new Index().on("partnerTenantId", Sort.Direction.ASC).on("active", Sort.Direction.ASC))
                .then(mongo.indexOps(COLLECTION).createIndex(new Index().on("merchantTenantId", Sort.Direction.ASC)))
                .then(outbox == null ? Mono.empty() : outbox.watch(COLLECTION));
    }

    private static Update fields(PartnerLink link) {
        return new Update()
                .set("merchantTenantId", link.merchantTenantId())
                .set("partnerTenantId", link.partnerTenantId())
                .set("active", link.active())
                .set("sequence", link.sequence())
                .set("changedAt", Date.from(link.changedAt()))
                .set("changedBy", link.changedBy())
                .set("linkedAt", link.linkedAt() == null ? null : Date.from(link.linkedAt()));
    }

    private static PartnerLink link(Document document) {
        Date linkedAt = document.getDate("linkedAt");
        return new PartnerLink(
                document.getString("merchantTenantId"),
                document.getString("partnerTenantId"),
                Boolean.TRUE.equals(document.getBoolean("active")),
                document.get("sequence", Number.class).longValue(),
                document.getDate("changedAt").toInstant(),
                document.getString("changedBy"),
                linkedAt == null ? null : linkedAt.toInstant());
    }
}

package app.thaw.cases.insurer.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import app.thaw.cases.events.ConsumedEvents.ConsentGranted;
import app.thaw.cases.events.ConsumedEvents.ConsentRevoked;
import app.thaw.cases.insurer.InsurerFollows;
import app.thaw.platform.events.EventBinding;
import app.thaw.platform.events.EventHandlers;
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

/** {@link InsurerFollows} in the store: one document per consent in {@code insurer_follows}, under the consent id. */
public class MongoInsurerFollows implements InsurerFollows, IndexedStore {

    public static final String COLLECTION = "insurer_follows";

    private final ReactiveMongoTemplate mongo;

    public MongoInsurerFollows(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public EventHandlers bindings() {
        return new EventHandlers(List.of(
                EventBinding.on(
                        ConsentGranted.class,
                        event -> granted(
                                event.tenantId(),
                                event.time(),
                                event.data().caseId(),
                                event.data().consentId(),
                                event.data().insurerTenantId())),
                EventBinding.on(
                        ConsentRevoked.class,
                        event -> revoked(
                                event.tenantId(),
                                event.time(),
                                event.data().caseId(),
                                event.data().consentId(),
                                event.data().insurerTenantId()))));
    }

    /** Inserted once; a grant arriving after its own revocation finds the revoked document and changes nothing. */
    private Mono<Void> granted(
            String caseTenantId, Instant at, String caseId, String consentId, String insurerTenantId) {
        Document follow = new Document("_id", consentId)
                .append("caseId", caseId)
                .append("caseTenantId", caseTenantId)
                .append("insurerTenantId", insurerTenantId)
                .append("at", Date.from(at))
                .append("active", true);
        return mongo.insert(follow, COLLECTION).then().onErrorResume(DuplicateKeyException.class, seen -> Mono.empty());
    }

    /** Terminal: remembered even when the grant has not arrived yet. */
    private Mono<Void> revoked(
            String caseTenantId, Instant at, String caseId, String consentId, String insurerTenantId) {
        return mongo.upsert(
                        Query.query(Criteria.where("_id").is(consentId)),
                        new Update()
                                .set("active", false)
                                .set("revokedAt", Date.from(at))
                                .setOnInsert("caseId", caseId)
                                .setOnInsert("caseTenantId", caseTenantId)
                                .setOnInsert("insurerTenantId", insurerTenantId),
                        COLLECTION)
                .then();
    }

    @Override
    public Flux<Consent> following(String insurerTenantId) {
        return mongo.find(
                        Query.query(Criteria.where("insurerTenantId")
                                        .is(insurerTenantId)
                                        .and("active")
                                        .is(true))
                                .with(Sort.by(Sort.Order.desc("at")))
                                .limit(1000),
                        Document.class,
                        COLLECTION)
                .map(MongoInsurerFollows::consent);
    }

    @Override
    public Flux<Consent> ofCase(String caseTenantId, String caseId) {
        return mongo.find(
                        Query.query(Criteria.where("caseId")
                                        .is(caseId)
                                        .and("caseTenantId")
                                        .is(caseTenantId))
                                .with(Sort.by("at")),
                        Document.class,
                        COLLECTION)
                .map(MongoInsurerFollows::consent);
    }

    @Override
    public Mono<Consent> activeConsent(String insurerTenantId, String caseId) {
        return mongo.findOne(
                        Query.query(Criteria.where("insurerTenantId")
                                .is(insurerTenantId)
                                .and("caseId")
                                .is(caseId)
                                .and("active")
                                .is(true)),
                        Document.class,
                        COLLECTION)
                .map(MongoInsurerFollows::consent);
    }

    private static Consent consent(Document d) {
        return new Consent(
                String.valueOf(d.get("caseId")),
                String.valueOf(d.get("caseTenantId")),
                String.valueOf(d.get("insurerTenantId")),
                Boolean.TRUE.equals(d.get("active")),
                instant(d.get("at")),
                instant(d.get("revokedAt")));
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(
                        new Index().on("insurerTenantId", Sort.Direction.ASC).on("caseId", Sort.Direction.ASC))
                .then();
    }
}

package app.thaw.cases.insurer;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import app.thaw.cases.events.ConsumedEvents.ConsentGranted;
import app.thaw.cases.events.ConsumedEvents.ConsentRevoked;
import app.thaw.platform.events.EventBinding;
import app.thaw.platform.events.EventHandlers;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which insurer follows which case, as evidence-service (the owner of consents) reports it with
 * {@code thaw.evidence.consent_granted} / {@code .consent_revoked}. One document per consent; a
 * revocation is terminal, so a late or repeated grant never brings a withdrawn consent back.
 */
public class InsurerFollows {

    public static final String COLLECTION = "insurer_follows";

    private final ReactiveMongoTemplate mongo;

    public InsurerFollows(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Its consumers of evidence-service's consent events. */
    public EventHandlers bindings() {
        return new EventHandlers(List.of(
                EventBinding.on(ConsentGranted.class, event -> granted(event.tenantId(), event.time(), event.data().caseId(),
                        event.data().consentId(), event.data().insurerTenantId())),
                EventBinding.on(ConsentRevoked.class, event -> revoked(event.tenantId(), event.time(), event.data().caseId(),
                        event.data().consentId(), event.data().insurerTenantId()))));
    }

    /** Inserted once; a grant arriving after its own revocation finds the revoked document and changes nothing. */
    private Mono<Void> granted(String caseTenantId, Instant at, String caseId, String consentId, String insurerTenantId) {
        Document follow = new Document("_id", consentId).append("caseId", caseId).append("caseTenantId", caseTenantId)
                .append("insurerTenantId", insurerTenantId).append("at", Date.from(at)).append("active", true);
        return mongo.insert(follow, COLLECTION).then().onErrorResume(DuplicateKeyException.class, seen -> Mono.empty());
    }

    /** Terminal: remembered even when the grant has not arrived yet. */
    private Mono<Void> revoked(String caseTenantId, Instant at, String caseId, String consentId, String insurerTenantId) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(consentId)),
                new Update().set("active", false).set("revokedAt", Date.from(at))
                        .setOnInsert("caseId", caseId).setOnInsert("caseTenantId", caseTenantId)
                        .setOnInsert("insurerTenantId", insurerTenantId), COLLECTION).then();
    }

    /** The case ids {@code insurerTenantId} follows now (an active consent), newest consent first. */
    public Flux<Document> following(String insurerTenantId) {
        return mongo.find(Query.query(Criteria.where("insurerTenantId").is(insurerTenantId).and("active").is(true))
                .with(Sort.by(Sort.Order.desc("at"))).limit(1000), Document.class, COLLECTION);
    }

    /** Whether {@code insurerTenantId} holds an active consent on the case. */
    /** Every consent ever given on the case (active or withdrawn), oldest first: the insurers that follow or followed it. */
    public Flux<Document> ofCase(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)).with(org.springframework.data.domain.Sort.by("at")), Document.class,
                COLLECTION);
    }

    public Mono<Boolean> follows(String insurerTenantId, String caseId) {
        return mongo.exists(Query.query(Criteria.where("insurerTenantId").is(insurerTenantId).and("caseId").is(caseId)
                .and("active").is(true)), COLLECTION);
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("insurerTenantId", Sort.Direction.ASC)
                .on("caseId", Sort.Direction.ASC)).then();
    }
}

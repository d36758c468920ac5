package app.thaw.cases.insurer;

import java.util.Date;
import java.util.Map;

import app.thaw.platform.events.EventHandler;
import app.thaw.platform.events.ThawEvent;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public class InsurerFollows implements EventHandler {

    public static final String COLLECTION = "insurer_follows";
    static final String GRANTED = "thaw.evidence.consent_granted";
    static final String REVOKED = "thaw.evidence.consent_revoked";

    private static final Logger log = LoggerFactory.getLogger(InsurerFollows.class);

    /** The fields this consumer reads (docs/events.md). */
    record ConsentChanged(String caseId, String consentId, String insurerTenantId) {

        static ConsentChanged from(ThawEvent event) {
            Map<String, Object> data = event.data();
            if (!(data.get("caseId") instanceof String caseId) || !(data.get("consentId") instanceof String consentId)
                    || !(data.get("insurerTenantId") instanceof String insurer)) {
                return null;
            }
            return new ConsentChanged(caseId, consentId, insurer);
        }
    }

    private final ReactiveMongoTemplate mongo;

    public InsurerFollows(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean handles(String type) {
        return GRANTED.equals(type) || REVOKED.equals(type);
    }

    @Override
    public Mono<Void> handle(ThawEvent event) {
        ConsentChanged changed = ConsentChanged.from(event);
        if (changed == null) {
            log.warn("Ignoring {} {}: it names no case, consent or insurer", event.type(), event.id());
            return Mono.empty();
        }
        Document follow = new Document("_id", changed.consentId()).append("caseId", changed.caseId())
                .append("caseTenantId", event.tenantId()).append("insurerTenantId", changed.insurerTenantId())
                .append("at", Date.from(event.time()));
        if (GRANTED.equals(event.type())) {
            // Inserted once; a grant arriving after its own revocation finds the revoked document and changes nothing.
            return mongo.insert(follow.append("active", true), COLLECTION).then()
                    .onErrorResume(DuplicateKeyException.class, seen -> Mono.empty());
        }
        return mongo.upsert(Query.query(Criteria.where("_id").is(changed.consentId())),
                new Update().set("active", false).set("revokedAt", Date.from(event.time()))
                        .setOnInsert("caseId", changed.caseId()).setOnInsert("caseTenantId", event.tenantId())
                        .setOnInsert("insurerTenantId", changed.insurerTenantId()), COLLECTION).then();
    }

    /** The case ids {@code insurerTenantId} follows now (an active consent), newest consent first. */
    public Flux<Document> following(String insurerTenantId) {
        return mongo.find(Query.query(Criteria.where("insurerTenantId").is(insurerTenantId).and("active").is(true))
                .with(Sort.by(Sort.Order.desc("at"))).limit(1000), Document.class, COLLECTION);
    }

    /** Whether {@code insurerTenantId} holds an active consent on the case. */
    public Mono<Boolean> follows(String insurerTenantId, String caseId) {
        return mongo.exists(Query.query(Criteria.where("insurerTenantId").is(insurerTenantId).and("caseId").is(caseId)
                .and("active").is(true)), COLLECTION);
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("insurerTenantId", Sort.Direction.ASC)
                .on("caseId", Sort.Direction.ASC)).then();
    }
}

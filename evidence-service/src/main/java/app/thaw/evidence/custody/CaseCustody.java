package app.thaw.evidence.custody;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.thaw.evidence.config.EvidenceProperties;
import app.thaw.evidence.domain.CaseFile;
import app.thaw.evidence.domain.CaseId;
import app.thaw.evidence.domain.CustodyAction;
import app.thaw.evidence.domain.CustodyEntry;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a hold's or a consent's change to the case file and its custody entry consistent although
 * they are two writes (ADR 52, as {@link UploadCustody} does for uploads, ADR 57). The case file's
 * write also records the entry it owes ({@value #OWED}: action, actor, time, details); the entry is
 * appended, then the debt is settled. An instance that dies in between leaves the debt, and the
 * repair — the reaper's loop, and every custody verification of the case — appends the owed entry
 * (unless the chain has it already: the instance died after the append) and settles it. Debts
 * younger than the grace are left to their request, which may still be on its way to the log.
 */
@Service
public class CaseCustody {

    /** The case file's member listing the custody entries its last writes still owe. */
    public static final String OWED = "custodyOwed";

    private static final Logger log = LoggerFactory.getLogger(CaseCustody.class);
    private static final int BATCH = 500;

    private final CustodyLog custody;
    private final ReactiveMongoTemplate mongo;
    private final EvidenceProperties properties;
    private final Clock clock;

    CaseCustody(CustodyLog custody, ReactiveMongoTemplate mongo, EvidenceProperties properties, Clock clock) {
        this.custody = custody;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * An entry a case file's write owes: {@code action} on the object {@code details} names under
     * {@code refKey} (a hold's {@code holdId}, a consent's {@code consentId}).
     */
    public record Owed(CustodyAction action, String refKey, String actor, Instant at, Map<String, String> details) {

        public Owed {
            details = Map.copyOf(details);
            if (!details.containsKey(refKey)) {
                throw new IllegalArgumentException("The owed entry's details must name " + refKey);
            }
        }

        /** What the entry is about: its action and object, one debt per pair. */
        public String ref() {
            return action.name() + ":" + details.get(refKey);
        }

        /** As the case file's write records it. */
        public Document toDocument() {
            return new Document("ref", ref()).append("action", action.name()).append("refKey", refKey).append("actor", actor)
                    .append("at", Date.from(at)).append("details", new Document(new LinkedHashMap<>(details)));
        }

        static Owed of(Document owed) {
            Map<String, String> details = new LinkedHashMap<>();
            Document stored = owed.get("details", Document.class);
            if (stored != null) {
                stored.forEach((key, value) -> details.put(key, String.valueOf(value)));
            }
            return new Owed(CustodyAction.valueOf(owed.getString("action")), owed.getString("refKey"), owed.getString("actor"),
                    owed.getDate("at").toInstant(), details);
        }
    }

    /** The entry the saved case file owes, then the debt settled. */
    public Mono<CustodyEntry> record(CaseFile saved, Owed owed) {
        return custody.caseAction(saved, owed.action(), owed.actor(), owed.details())
                .flatMap(entry -> settle(saved.caseId().value(), owed).thenReturn(entry));
    }

    /**
     * Appends the entries writes died before appending, for debts older than the grace: of one case,
     * or of every case when {@code caseId} is null. Answers how many debts it settled.
     */
    public Mono<Long> repair(@Nullable CaseId caseId) {
        Instant before = clock.instant().minus(properties.upload().custodyGrace());
        Criteria owing = Criteria.where(OWED).elemMatch(Criteria.where("at").lt(Date.from(before)));
        Query query = Query.query(caseId == null ? owing : Criteria.where("_id").is(caseId.value()).andOperator(owing)).limit(BATCH);
        query.fields().include("tenantId", OWED);
        return mongo.find(query, Document.class, CustodyLog.CASE_FILES)
                .concatMap(file -> Flux.fromIterable(file.getList(OWED, Document.class, List.of()))
                        .map(Owed::of)
                        .filter(owed -> owed.at().isBefore(before))
                        .concatMap(owed -> logged(file.getString("_id"), owed)
                                .flatMap(found -> found ? Mono.<Void>empty() : owedEntry(file.getString("tenantId"), file.getString("_id"), owed))
                                .then(settle(file.getString("_id"), owed))
                                .thenReturn(1L)))
                .count();
    }

    private Mono<Boolean> logged(String caseId, Owed owed) {
        return mongo.exists(Query.query(Criteria.where("caseId").is(caseId).and("action").is(owed.action().name())
                .and("details." + owed.refKey()).is(owed.details().get(owed.refKey()))), CustodyLog.COLLECTION);
    }

    private Mono<Void> owedEntry(String tenantId, String caseId, Owed owed) {
        log.warn("Case {} recorded {} without its custody entry (its request died in between); recording it now",
                caseId, owed.ref());
        Map<String, String> details = new LinkedHashMap<>(owed.details());
        details.put("happenedAt", owed.at().toString());
        details.put("recordedLate", "true");
        return custody.caseAction(tenantId, caseId, owed.action(), owed.actor(), details).then();
    }

    private Mono<Void> settle(String caseId, Owed owed) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)), new Update().pull(OWED, new Document("ref", owed.ref())),
                CustodyLog.CASE_FILES).then();
    }
}

package app.thaw.evidence.casefile;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import app.thaw.evidence.custody.CaseCustody;
import app.thaw.evidence.domain.CaseFile;
import app.thaw.evidence.domain.CaseId;
import app.thaw.evidence.domain.InsurerConsent;
import app.thaw.evidence.domain.LegalHold;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.problem.ThawProblem;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@value #COLLECTION} collection: one document per case (id = case id), created from
 * case-service's events. Writes set only the members they own (the custody log keeps its chain's
 * head here too) and name the version they read.
 */
@Component
public class CaseFiles {

    public static final String COLLECTION = "case_files";
    /** The sequence of the case event that set the stored scenario (see {@link #applyScenario}). */
    static final String SCENARIO_SEQUENCE = "scenarioSequence";

    private final ReactiveMongoTemplate mongo;
    private final EventOutbox outbox;

    public CaseFiles(ReactiveMongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** The case, whatever its tenant: callers check access (see {@link CaseAccess}). */
    public Mono<CaseFile> find(CaseId caseId) {
        return mongo.findById(caseId.value(), Document.class, COLLECTION).map(CaseFiles::fromDocument);
    }

    /** The ids of every known case in one of {@code scenarios}. */
    public Flux<String> caseIdsIn(java.util.Collection<String> scenarios) {
        Query query = Query.query(Criteria.where("scenario").in(scenarios));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).map(document -> document.getString("_id"));
    }

    /** Records a case first seen; false when it was already known (a repeated or racing event). */
    public Mono<Boolean> insertIfAbsent(CaseFile file) {
        return mongo.insert(toDocument(file), COLLECTION).thenReturn(true)
                .onErrorResume(org.springframework.dao.DuplicateKeyException.class, known -> Mono.just(false));
    }

    /**
     * Sets the scenario a case event names unless a newer case event already did: {@code sequence}
     * is the event's place among the case's events, so a late {@code opened} cannot undo a
     * {@code triaged}. One conditional write: no read, so no version conflict with other changes.
     */
    public Mono<Void> applyScenario(CaseId caseId, String tenantId, String scenario, @org.jspecify.annotations.Nullable Long sequence) {
        Criteria ours = Criteria.where("_id").is(caseId.value()).and("tenantId").is(tenantId);
        if (sequence == null) {
            // An event its producer did not number (sent before sequences existed): it applies as it comes.
            return mongo.updateFirst(Query.query(ours.and("scenario").ne(scenario)),
                    new Update().set("scenario", scenario).inc("version", 1), COLLECTION).then();
        }
        Query older = Query.query(ours.orOperator(Criteria.where(SCENARIO_SEQUENCE).exists(false),
                Criteria.where(SCENARIO_SEQUENCE).lt(sequence)));
        return mongo.updateFirst(older, new Update().set("scenario", scenario).set(SCENARIO_SEQUENCE, sequence).inc("version", 1),
                COLLECTION).then();
    }

    /** Writes the new state if the stored version is the one before it, with its events; 409 otherwise. */
    public Mono<CaseFile> update(CaseFile file, List<ThawEvent> events) {
        return update(file, events, null);
    }

    /**
     * As {@link #update(CaseFile, List)}, recording in the same write the custody entry the change
     * owes ({@link CaseCustody}, ADR 52): a crash before the entry is appended leaves the debt for the repair.
     */
    public Mono<CaseFile> update(CaseFile file, List<ThawEvent> events, CaseCustody.@Nullable Owed owed) {
        Document next = toDocument(file);
        Update update = new Update().set("scenario", next.get("scenario")).set("holds", next.get("holds"))
                .set("consents", next.get("consents")).set("version", file.version());
        if (!events.isEmpty()) {
            EventOutbox.record(update, events);
        }
        if (owed != null) {
            update.push(CaseCustody.OWED, owed.toDocument());
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(file.caseId().value()).and("version").is(file.version() - 1)),
                        update, COLLECTION)
                .flatMap(result -> result.getModifiedCount() == 0
                        ? Mono.error(new ThawProblem(HttpStatus.CONFLICT, "version_conflict",
                        "Case " + file.caseId() + " changed since it was read; read it again and retry."))
                        : release(file.caseId().value()).thenReturn(file));
    }

    /** The change is stored; if moving its events to the outbox fails now, the outbox sweep moves them later. */
    private Mono<Void> release(String id) {
        return outbox.release(COLLECTION, id).then()
                .onErrorResume(failure -> Mono.empty());
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC))
                .then(mongo.indexOps(COLLECTION).createIndex(new Index().on("scenario", Sort.Direction.ASC)))
                .then(outbox.watch(COLLECTION));
    }

    static Document toDocument(CaseFile file) {
        List<Document> holds = new ArrayList<>();
        for (LegalHold hold : file.holds()) {
            holds.add(new Document("holdId", hold.holdId()).append("reason", hold.reason()).append("placedBy", hold.placedBy())
                    .append("placedAt", Date.from(hold.placedAt())).append("automatic", hold.automatic())
                    .append("releasedBy", hold.releasedBy()).append("releasedAt", date(hold.releasedAt()))
                    .append("releaseReason", hold.releaseReason()));
        }
        List<Document> consents = new ArrayList<>();
        for (InsurerConsent consent : file.consents()) {
            consents.add(new Document("consentId", consent.consentId()).append("insurerTenantId", consent.insurerTenantId())
                    .append("grantedBy", consent.grantedBy()).append("grantedAt", Date.from(consent.grantedAt()))
                    .append("revokedBy", consent.revokedBy()).append("revokedAt", date(consent.revokedAt())));
        }
        return new Document("_id", file.caseId().value()).append("tenantId", file.tenantId())
                .append("scenario", file.scenario()).append("holds", holds).append("consents", consents)
                .append("version", file.version());
    }

    static CaseFile fromDocument(Document document) {
        List<LegalHold> holds = document.getList("holds", Document.class, List.of()).stream()
                .map(hold -> new LegalHold(hold.getString("holdId"), hold.getString("reason"), hold.getString("placedBy"),
                        hold.getDate("placedAt").toInstant(), Boolean.TRUE.equals(hold.getBoolean("automatic")),
                        hold.getString("releasedBy"), instant(hold.getDate("releasedAt")), hold.getString("releaseReason")))
                .toList();
        List<InsurerConsent> consents = document.getList("consents", Document.class, List.of()).stream()
                .map(consent -> new InsurerConsent(consent.getString("consentId"), consent.getString("insurerTenantId"),
                        consent.getString("grantedBy"), consent.getDate("grantedAt").toInstant(),
                        consent.getString("revokedBy"), instant(consent.getDate("revokedAt"))))
                .toList();
        return new CaseFile(new CaseId(document.getString("_id")), document.getString("tenantId"),
                document.getString("scenario"), holds, consents, ((Number) document.get("version")).longValue());
    }

    private static @Nullable Date date(java.time.@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static java.time.@Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}

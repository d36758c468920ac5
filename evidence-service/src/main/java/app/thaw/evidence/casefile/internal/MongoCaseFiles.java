package app.thaw.evidence.casefile.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.thaw.evidence.casefile.CaseCustody;
import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.InsurerConsent;
import app.thaw.evidence.casefile.LegalHold;
import app.thaw.evidence.casefile.TenantScope;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.problem.ThawProblem;
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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@value CaseFiles#COLLECTION} collection: one document per case (id = case id), created from
 * case-service's events. Writes set only the members they own (the custody log keeps its chain's
 * head here too) and name the version they read.
 */
@Component
class MongoCaseFiles implements CaseFiles, IndexedStore {

    /** The case file's member listing the custody entries its last writes still owe (ADR 52). */
    static final String OWED = CaseCustody.OWED;
    /** The sequence of the case event that set the stored scenario (see {@link #applyScenario}). */
    static final String SCENARIO_SEQUENCE = "scenarioSequence";

    private final ReactiveMongoTemplate mongo;
    private final EventOutbox outbox;

    MongoCaseFiles(ReactiveMongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @Override
    public Mono<CaseFile> find(TenantScope scope, CaseId caseId) {
        Criteria byId = Criteria.where("_id").is(caseId.value());
        if (!scope.anyTenant()) {
            byId = byId.and("tenantId").in(scope.tenantIds());
        }
        return mongo.findOne(Query.query(byId), Document.class, COLLECTION).map(MongoCaseFiles::fromDocument);
    }

    @Override
    public Mono<CaseFile> findConsentedTo(String insurerTenantId, CaseId caseId) {
        Criteria consented = Criteria.where("_id")
                .is(caseId.value())
                .and("consents")
                .elemMatch(Criteria.where("insurerTenantId").is(insurerTenantId));
        return mongo.findOne(Query.query(consented), Document.class, COLLECTION)
                .map(MongoCaseFiles::fromDocument)
                // The query finds a consent of this insurer's; the model says whether one is active, as everywhere
                // else.
                .filter(file -> file.consentsTo(insurerTenantId));
    }

    @Override
    public Flux<String> caseIdsIn(Collection<String> scenarios) {
        Query query = Query.query(Criteria.where("scenario").in(scenarios));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).map(document -> document.getString("_id"));
    }

    @Override
    public Mono<Boolean> insertIfAbsent(CaseFile file) {
        return mongo.insert(toDocument(file), COLLECTION)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, known -> Mono.just(false));
    }

    @Override
    public Mono<Void> applyScenario(CaseId caseId, String tenantId, String scenario, @Nullable Long sequence) {
        Criteria ours = Criteria.where("_id").is(caseId.value()).and("tenantId").is(tenantId);
        if (sequence == null) {
            // An event its producer did not number (sent before sequences existed): it applies as it comes.
            return mongo.updateFirst(
                            Query.query(ours.and("scenario").ne(scenario)),
                            new Update().set("scenario", scenario).inc("version", 1),
                            COLLECTION)
                    .then();
        }
        Query older = Query.query(ours.orOperator(
                Criteria.where(SCENARIO_SEQUENCE).exists(false),
                Criteria.where(SCENARIO_SEQUENCE).lt(sequence)));
        return mongo.updateFirst(
                        older,
                        new Update()
                                .set("scenario", scenario)
                                .set(SCENARIO_SEQUENCE, sequence)
                                .inc("version", 1),
                        COLLECTION)
                .then();
    }

    @Override
    public Mono<CaseFile> update(CaseFile file, List<ThawEvent> events, CaseCustody.@Nullable Owed owed) {
        Document next = toDocument(file);
        Update update = new Update()
                .set("scenario", next.get("scenario"))
                .set("holds", next.get("holds"))
                .set("consents", next.get("consents"))
                .set("version", file.version());
        if (!events.isEmpty()) {
            EventOutbox.record(update, events);
        }
        if (owed != null) {
            update.push(OWED, owedDocument(owed));
        }
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(file.caseId().value())
                                .and("tenantId")
                                .is(file.tenantId())
                                .and("version")
                                .is(file.version() - 1)),
                        update,
                        COLLECTION)
                .flatMap(result -> result.getModifiedCount() == 0
                        ? Mono.error(new ThawProblem(
                                HttpStatus.CONFLICT,
                                "version_conflict",
                                "Case " + file.caseId() + " changed since it was read; read it again and retry."))
                        : release(file.caseId().value()).thenReturn(file));
    }

    /** The change is stored; if moving its events to the outbox fails now, the outbox sweep moves them later. */
    private Mono<Void> release(String id) {
        return outbox.release(COLLECTION, id).then().onErrorResume(failure -> Mono.empty());
    }

    @Override
    public Flux<Owing> owing(@Nullable String tenantId, @Nullable CaseId caseId, Instant before, int limit) {
        Criteria owing = Criteria.where(OWED).elemMatch(Criteria.where("at").lt(Date.from(before)));
        Query query = Query.query(
                        caseId == null || tenantId == null
                                ? owing
                                : Criteria.where("_id")
                                        .is(caseId.value())
                                        .and("tenantId")
                                        .is(tenantId)
                                        .andOperator(owing))
                .limit(limit);
        query.fields().include("tenantId", OWED);
        return mongo.find(query, Document.class, COLLECTION)
                .map(file -> new Owing(
                        file.getString("tenantId"),
                        new CaseId(file.getString("_id")),
                        file.getList(OWED, Document.class, List.of()).stream()
                                .map(MongoCaseFiles::owedOf)
                                .toList()));
    }

    @Override
    public Mono<Void> settle(String tenantId, CaseId caseId, CaseCustody.Owed owed) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(caseId.value())
                                .and("tenantId")
                                .is(tenantId)),
                        new Update().pull(OWED, new Document("ref", owed.ref())),
                        COLLECTION)
                .then();
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("tenantId", Sort.Direction.ASC))
                .then(mongo.indexOps(COLLECTION).createIndex(new Index().on("scenario", Sort.Direction.ASC)))
                .then(outbox.watch(COLLECTION));
    }

    /** An owed entry as the case file's write records it. */
    static Document owedDocument(CaseCustody.Owed owed) {
        return new Document("ref", owed.ref())
                .append("action", owed.action().name())
                .append("refKey", owed.refKey())
                .append("actor", owed.actor())
                .append("at", Date.from(owed.at()))
                .append("details", new Document(new LinkedHashMap<>(owed.details())));
    }

    static CaseCustody.Owed owedOf(Document owed) {
        Map<String, String> details = new LinkedHashMap<>();
        Document stored = owed.get("details", Document.class);
        if (stored != null) {
            stored.forEach((key, value) -> details.put(key, String.valueOf(value)));
        }
        return new CaseCustody.Owed(
                CustodyAction.valueOf(owed.getString("action")),
                owed.getString("refKey"),
                owed.getString("actor"),
                owed.getDate("at").toInstant(),
                details);
    }

    static Document toDocument(CaseFile file) {
        List<Document> holds = new ArrayList<>();
        for (LegalHold hold : file.holds()) {
            holds.add(new Document("holdId", hold.holdId())
                    .append("reason", hold.reason())
                    .append("placedBy", hold.placedBy())
                    .append("placedAt", Date.from(hold.placedAt()))
                    .append("automatic", hold.automatic())
                    .append("releasedBy", hold.releasedBy())
                    .append("releasedAt", date(hold.releasedAt()))
                    .append("releaseReason", hold.releaseReason()));
        }
        List<Document> consents = new ArrayList<>();
        for (InsurerConsent consent : file.consents()) {
            consents.add(new Document("consentId", consent.consentId())
                    .append("insurerTenantId", consent.insurerTenantId())
                    .append("grantedBy", consent.grantedBy())
                    .append("grantedAt", Date.from(consent.grantedAt()))
                    .append("revokedBy", consent.revokedBy())
                    .append("revokedAt", date(consent.revokedAt())));
        }
        return new Document("_id", file.caseId().value())
                .append("tenantId", file.tenantId())
                .append("scenario", file.scenario())
                .append("holds", holds)
                .append("consents", consents)
                .append("version", file.version());
    }

    static CaseFile fromDocument(Document document) {
        List<LegalHold> holds = document.getList("holds", Document.class, List.of()).stream()
                .map(hold -> new LegalHold(
                        hold.getString("holdId"),
                        hold.getString("reason"),
                        hold.getString("placedBy"),
                        hold.getDate("placedAt").toInstant(),
                        Boolean.TRUE.equals(hold.getBoolean("automatic")),
                        hold.getString("releasedBy"),
                        instant(hold.getDate("releasedAt")),
                        hold.getString("releaseReason")))
                .toList();
        List<InsurerConsent> consents = document.getList("consents", Document.class, List.of()).stream()
                .map(consent -> new InsurerConsent(
                        consent.getString("consentId"),
                        consent.getString("insurerTenantId"),
                        consent.getString("grantedBy"),
                        consent.getDate("grantedAt").toInstant(),
                        consent.getString("revokedBy"),
                        instant(consent.getDate("revokedAt"))))
                .toList();
        return new CaseFile(
                new CaseId(document.getString("_id")),
                document.getString("tenantId"),
                document.getString("scenario"),
                holds,
                consents,
                ((Number) document.get("version")).longValue());
    }

    private static @Nullable Date date(@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}

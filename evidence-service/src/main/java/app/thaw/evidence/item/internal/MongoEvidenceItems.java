package app.thaw.evidence.item.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.TenantScope;
import app.thaw.evidence.item.DocumentMetadata;
import app.thaw.evidence.item.EvidenceId;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.item.EvidenceStatus;
import app.thaw.evidence.item.RejectionReason;
import app.thaw.evidence.item.RequirementCode;
import app.thaw.evidence.item.Verdict;
import app.thaw.platform.events.EventOutbox;
import app.thaw.platform.events.ThawEvent;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.store.IndexedStore;
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
 * The {@value EvidenceItems#COLLECTION} collection: one document per item, with the events its change causes
 * written in the same document (the platform's outbox). Every read names the tenant; every change
 * names the version it read.
 */
@Component
class MongoEvidenceItems implements EvidenceItems, IndexedStore {

    private final ReactiveMongoTemplate mongo;
    private final EventOutbox outbox;

    MongoEvidenceItems(ReactiveMongoTemplate mongo, EventOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Marks an item whose UPLOADED custody entry is still due (ADR 57); gone once the entry is in the chain. */
    static final String CUSTODY_PENDING = "custodyPending";

    @Override
    public Mono<EvidenceItem> insert(EvidenceItem item, List<ThawEvent> events) {
        Document document = toDocument(item)
                .append(EventOutbox.PENDING_EVENTS, EventOutbox.pending(events))
                .append("sweepLeaseUntil", new Date(0))
                .append(CUSTODY_PENDING, true);
        return mongo.insert(document, COLLECTION)
                .then(release(item.id().value()))
                .thenReturn(item);
    }

    @Override
    public Mono<EvidenceItem> find(TenantScope scope, EvidenceId id) {
        Criteria byId = Criteria.where("_id").is(id.value());
        if (!scope.anyTenant()) {
            byId = byId.and("tenantId").in(scope.tenantIds());
        }
        return mongo.findOne(Query.query(byId), Document.class, COLLECTION).map(MongoEvidenceItems::fromDocument);
    }

    @Override
    public Mono<EvidenceItem> findByContent(String tenantId, CaseId caseId, String sha256) {
        return mongo.findOne(
                        Query.query(Criteria.where("dedupKey").is(dedupKey(tenantId, caseId, sha256))),
                        Document.class,
                        COLLECTION)
                .map(MongoEvidenceItems::fromDocument);
    }

    @Override
    public Flux<EvidenceItem> page(String tenantId, CaseId caseId, @Nullable String after, int limit) {
        Criteria criteria =
                Criteria.where("tenantId").is(tenantId).and("caseId").is(caseId.value());
        if (after != null) {
            criteria = criteria.and("_id").gt(after);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Document.class, COLLECTION)
                .map(MongoEvidenceItems::fromDocument);
    }

    @Override
    public Flux<EvidenceItem> all(String tenantId, CaseId caseId) {
        int pageSize = 100;
        return page(tenantId, caseId, null, pageSize)
                .collectList()
                .expand(page -> page.size() < pageSize
                        ? Mono.empty()
                        : page(tenantId, caseId, page.getLast().id().value(), pageSize)
                                .collectList())
                .flatMapIterable(page -> page);
    }

    @Override
    public Mono<EvidenceItem> update(EvidenceItem item, List<ThawEvent> events) {
        Document next = toDocument(item);
        Update update = new Update();
        next.forEach((key, value) -> {
            if (!key.equals("_id")) {
                if (value == null) {
                    update.unset(key);
                } else {
                    update.set(key, value);
                }
            }
        });
        if (!events.isEmpty()) {
            EventOutbox.record(update, events);
        }
        Query current = Query.query(Criteria.where("_id")
                .is(item.id().value())
                .and("tenantId")
                .is(item.tenantId())
                .and("version")
                .is(item.version() - 1));
        return mongo.updateFirst(current, update, COLLECTION)
                .flatMap(result -> result.getModifiedCount() == 0
                        ? Mono.error(new ThawProblem(
                                HttpStatus.CONFLICT,
                                "version_conflict",
                                "Evidence " + item.id() + " changed since it was read; read it again and retry."))
                        : release(item.id().value()).thenReturn(item));
    }

    @Override
    public Flux<EvidenceItem> awaitingVerdict(
            Collection<String> excludedCaseIds,
            @Nullable CaseId caseId,
            @Nullable RequirementCode requirement,
            @Nullable Boolean expired,
            long skip,
            int limit) {
        Criteria criteria = Criteria.where("status").is(EvidenceStatus.RECEIVED.name());
        if (caseId != null) {
            criteria = criteria.and("caseId").is(caseId.value());
            if (excludedCaseIds.contains(caseId.value())) {
                return Flux.empty();
            }
        } else if (!excludedCaseIds.isEmpty()) {
            criteria = criteria.and("caseId").nin(excludedCaseIds);
        }
        if (requirement != null) {
            criteria = criteria.and("requirementCode").is(requirement.name());
        }
        if (expired != null) {
            criteria = criteria.and("expired").is(expired);
        }
        Query query = Query.query(criteria)
                .with(Sort.by("uploadedAt", "_id"))
                .skip(skip)
                .limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(MongoEvidenceItems::fromDocument);
    }

    @Override
    public Mono<EvidenceItem> claimExpired(Instant now, Instant leaseUntil) {
        Query due = Query.query(Criteria.where("status")
                        .in(
                                EvidenceStatus.RECEIVED.name(),
                                EvidenceStatus.VERIFIED.name(),
                                EvidenceStatus.REJECTED.name())
                        .and("retainUntil")
                        .lte(Date.from(now))
                        .and("sweepLeaseUntil")
                        .lte(Date.from(now)))
                .with(Sort.by("retainUntil"));
        return mongo.findAndModify(
                        due, new Update().set("sweepLeaseUntil", Date.from(leaseUntil)), Document.class, COLLECTION)
                .map(MongoEvidenceItems::fromDocument);
    }

    @Override
    public Mono<Void> custodyRecorded(String tenantId, EvidenceId id) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(id.value())
                                .and("tenantId")
                                .is(tenantId)),
                        new Update().unset(CUSTODY_PENDING),
                        COLLECTION)
                .then();
    }

    @Override
    public Flux<EvidenceItem> custodyPending(
            @Nullable String tenantId, @Nullable CaseId caseId, Instant before, int limit) {
        Criteria criteria =
                Criteria.where(CUSTODY_PENDING).is(true).and("uploadedAt").lt(Date.from(before));
        if (tenantId != null && caseId != null) {
            criteria = criteria.and("tenantId").is(tenantId).and("caseId").is(caseId.value());
        }
        return mongo.find(Query.query(criteria).limit(limit), Document.class, COLLECTION)
                .map(MongoEvidenceItems::fromDocument);
    }

    @Override
    public Mono<Boolean> isCustodyPending(String tenantId, EvidenceId id) {
        return mongo.exists(
                Query.query(Criteria.where("_id")
                        .is(id.value())
                        .and("tenantId")
                        .is(tenantId)
                        .and(CUSTODY_PENDING)
                        .is(true)),
                COLLECTION);
    }

    /** The change is stored; if moving its events to the outbox fails now, the outbox sweep moves them later. */
    private Mono<Void> release(String id) {
        return outbox.release(COLLECTION, id).then().onErrorResume(failure -> Mono.empty());
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(
                        new Index().on("dedupKey", Sort.Direction.ASC).unique().sparse())
                .then(mongo.indexOps(COLLECTION)
                        .createIndex(new Index()
                                .on("tenantId", Sort.Direction.ASC)
                                .on("caseId", Sort.Direction.ASC)
                                .on("_id", Sort.Direction.ASC)))
                .then(mongo.indexOps(COLLECTION)
                        .createIndex(
                                new Index().on("status", Sort.Direction.ASC).on("retainUntil", Sort.Direction.ASC)))
                // The review queue: items awaiting a verdict, oldest first.
                .then(mongo.indexOps(COLLECTION)
                        .createIndex(new Index()
                                .on("status", Sort.Direction.ASC)
                                .on("uploadedAt", Sort.Direction.ASC)
                                .on("_id", Sort.Direction.ASC)))
                .then(mongo.indexOps(COLLECTION)
                        .createIndex(new Index()
                                .on(CUSTODY_PENDING, Sort.Direction.ASC)
                                .sparse()))
                .then(outbox.watch(COLLECTION));
    }

    static String dedupKey(String tenantId, CaseId caseId, String sha256) {
        return tenantId + "|" + caseId.value() + "|" + sha256;
    }

    static Document toDocument(EvidenceItem item) {
        Document document = new Document("_id", item.id().value())
                .append("tenantId", item.tenantId())
                .append("caseId", item.caseId().value())
                .append("requirementCode", item.requirementCode().name())
                .append("answers", item.answers())
                .append("fileName", item.fileName())
                .append("contentType", item.contentType())
                .append("size", item.size())
                .append("sha256", item.sha256())
                .append("blobId", item.blobId())
                .append("uploadedBy", item.uploadedBy())
                .append("uploadedAt", Date.from(item.uploadedAt()))
                .append("retainUntil", Date.from(item.retainUntil()))
                .append("status", item.status().name())
                .append("expired", item.expired())
                .append("version", item.version())
                // Only live content takes part in "the same content twice in one case".
                .append("dedupKey", item.isDeleted() ? null : dedupKey(item.tenantId(), item.caseId(), item.sha256()));
        Verdict verdict = item.verdict();
        document.append(
                "verdict",
                verdict == null
                        ? null
                        : new Document("accepted", verdict.accepted())
                                .append(
                                        "reason",
                                        verdict.reason() == null
                                                ? null
                                                : verdict.reason().name())
                                .append("note", verdict.note())
                                .append("by", verdict.by())
                                .append("at", Date.from(verdict.at()))
                                .append("read", metadataDocument(verdict.read())));
        document.append("metadata", metadataDocument(item.metadata()));
        document.append("alsoFor", item.alsoFor().stream().map(Enum::name).toList());
        return document;
    }

    private static @Nullable Document metadataDocument(@Nullable DocumentMetadata metadata) {
        return metadata == null
                ? null
                : new Document("documentType", metadata.documentType())
                        .append("nameOnDocument", metadata.nameOnDocument())
                        .append(
                                "expiryDate",
                                metadata.expiryDate() == null
                                        ? null
                                        : metadata.expiryDate().toString());
    }

    private static @Nullable DocumentMetadata metadataOf(@Nullable Document metadata) {
        return metadata == null
                ? null
                : new DocumentMetadata(
                        metadata.getString("documentType"),
                        metadata.getString("nameOnDocument"),
                        metadata.getString("expiryDate") == null
                                ? null
                                : LocalDate.parse(metadata.getString("expiryDate")));
    }

    static EvidenceItem fromDocument(Document document) {
        Document verdict = document.get("verdict", Document.class);
        Document metadata = document.get("metadata", Document.class);
        return new EvidenceItem(
                new EvidenceId(document.getString("_id")),
                document.getString("tenantId"),
                new CaseId(document.getString("caseId")),
                RequirementCode.valueOf(document.getString("requirementCode")),
                document.getString("answers"),
                document.getString("fileName"),
                document.getString("contentType"),
                ((Number) document.get("size")).longValue(),
                document.getString("sha256"),
                document.getString("blobId"),
                document.getString("uploadedBy"),
                document.getDate("uploadedAt").toInstant(),
                document.getDate("retainUntil").toInstant(),
                EvidenceStatus.valueOf(document.getString("status")),
                verdict == null
                        ? null
                        : new Verdict(
                                verdict.getBoolean("accepted"),
                                verdict.getString("reason") == null
                                        ? null
                                        : RejectionReason.valueOf(verdict.getString("reason")),
                                verdict.getString("note"),
                                verdict.getString("by"),
                                verdict.getDate("at").toInstant(),
                                metadataOf(verdict.get("read", Document.class))),
                metadataOf(metadata),
                Boolean.TRUE.equals(document.getBoolean("expired")),
                ((Number) document.get("version")).longValue(),
                document.getList("alsoFor", String.class, List.of()).stream()
                        .map(RequirementCode::valueOf)
                        .toList());
    }
}

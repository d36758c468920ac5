package app.thaw.monitor.subjects.internal;

import java.util.Date;
import java.util.List;

import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.protection.ProtectedValue;
import app.thaw.monitor.subjects.Subject;
import app.thaw.monitor.subjects.SubjectType;
import app.thaw.monitor.subjects.Subjects;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.store.VersionedWrites;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Subjects in the {@code subjects} collection, every query by id scoped by tenant. */
@Component
class SubjectStore implements Subjects, IndexedStore {

    static final String SUBJECTS = "subjects";

    private final ReactiveMongoTemplate mongo;

    SubjectStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(SUBJECTS)
                .createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("identifierHashes", Sort.Direction.ASC))
                .then(mongo.indexOps(SUBJECTS)
                        .createIndex(
                                new Index().on("tenantId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC)))
                .then();
    }

    @Override
    public Mono<Subject> insert(Subject subject) {
        return mongo.insert(toDocument(subject), SUBJECTS).thenReturn(subject);
    }

    @Override
    public Mono<Subject> find(String tenantId, String id) {
        return mongo.findOne(
                        Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)),
                        Document.class,
                        SUBJECTS)
                .map(SubjectStore::fromDocument);
    }

    @Override
    public Flux<Subject> byHashes(String tenantId, List<String> hashes, int limit) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId")
                                        .is(tenantId)
                                        .and("identifierHashes")
                                        .in(hashes))
                                .limit(limit),
                        Document.class,
                        SUBJECTS)
                .map(SubjectStore::fromDocument);
    }

    @Override
    public Flux<Subject> page(String tenantId, @Nullable String cursor, int limit) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId);
        if (cursor != null) {
            criteria = criteria.and("_id").gt(cursor);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Document.class, SUBJECTS)
                .map(SubjectStore::fromDocument);
    }

    @Override
    public Flux<Subject> allAfter(@Nullable String cursor, int limit) {
        Query query =
                cursor == null ? new Query() : Query.query(Criteria.where("_id").gt(cursor));
        return mongo.find(query.with(Sort.by("_id")).limit(limit), Document.class, SUBJECTS)
                .map(SubjectStore::fromDocument);
    }

    @Override
    public Mono<Subject> setHold(String tenantId, String id, long version, boolean hold, @Nullable String reason) {
        return VersionedWrites.update(
                        mongo,
                        SUBJECTS,
                        "subject",
                        tenantId,
                        id,
                        version,
                        new Update().set("legalHold", hold).set("holdReason", reason))
                .map(SubjectStore::fromDocument);
    }

    @Override
    public Mono<Boolean> deleteUnlessHeld(String tenantId, String id) {
        return mongo.remove(
                        Query.query(Criteria.where("_id")
                                .is(id)
                                .and("tenantId")
                                .is(tenantId)
                                .and("legalHold")
                                .is(false)),
                        SUBJECTS)
                .map(result -> result.getDeletedCount() == 1);
    }

    static Document toDocument(Subject subject) {
        return new Document("_id", subject.id())
                .append("tenantId", subject.tenantId())
                .append("type", subject.type().name())
                .append(
                        "identifiers",
                        subject.identifiers().stream()
                                .map(v -> new Document("type", v.type().name())
                                        .append("hash", v.hash())
                                        .append("ciphertext", v.ciphertext())
                                        .append("masked", v.masked()))
                                .toList())
                .append("identifierHashes", subject.hashes())
                .append("label", subject.label())
                .append("legalHold", subject.legalHold())
                .append("holdReason", subject.holdReason())
                .append("version", subject.version())
                .append("createdAt", Date.from(subject.createdAt()));
    }

    static Subject fromDocument(Document doc) {
        List<ProtectedValue> identifiers = doc.getList("identifiers", Document.class, List.of()).stream()
                .map(v -> new ProtectedValue(
                        IdentifierType.valueOf(v.getString("type")),
                        v.getString("hash"),
                        v.getString("ciphertext"),
                        v.getString("masked")))
                .toList();
        return new Subject(
                doc.getString("_id"),
                doc.getString("tenantId"),
                SubjectType.valueOf(doc.getString("type")),
                identifiers,
                Boolean.TRUE.equals(doc.getBoolean("legalHold")),
                doc.getString("holdReason"),
                doc.get("version", Number.class).longValue(),
                doc.getDate("createdAt").toInstant());
    }
}

package app.thaw.monitor.signals.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.thaw.monitor.signals.GeoPoint;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.SignalType;
import app.thaw.monitor.signals.Signals;
import app.thaw.platform.store.CursorPage;
import app.thaw.platform.store.IndexedStore;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
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

/**
 * Signals in the {@code signals} collection, every query scoped by tenant. The unique index on
 * (tenant, source id) is what makes ingestion idempotent: two concurrent deliveries store one.
 */
@Component
class SignalStore implements Signals, IndexedStore {

    static final String SIGNALS = "signals";
    private static final int DUPLICATE_KEY = 11000;
    private static final int CHUNK = 1000;

    private final ReactiveMongoTemplate mongo;

    SignalStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(SIGNALS)
                .createIndex(new Index()
                        .on("tenantId", Sort.Direction.ASC)
                        .on("sourceSignalId", Sort.Direction.ASC)
                        .unique())
                .then(mongo.indexOps(SIGNALS)
                        .createIndex(
                                new Index().on("tenantId", Sort.Direction.ASC).on("subjectIds", Sort.Direction.ASC)))
                .then();
    }

    @Override
    public Mono<Set<Integer>> insertAll(String tenantId, List<Fresh> fresh, Instant receivedAt) {
        if (fresh.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<Document> documents = fresh.stream()
                .map(f -> toDocument(tenantId, f.signal(), f.hashes(), f.subjectIds(), receivedAt))
                .toList();
        return mongo.getCollection(SIGNALS)
                .flatMap(collection ->
                        Mono.from(collection.insertMany(documents, new InsertManyOptions().ordered(false))))
                .thenReturn(Set.<Integer>of())
                .onErrorResume(MongoBulkWriteException.class, failure -> {
                    Set<Integer> duplicates = new HashSet<>();
                    for (BulkWriteError error : failure.getWriteErrors()) {
                        if (error.getCode() != DUPLICATE_KEY) {
                            return Mono.error(failure);
                        }
                        duplicates.add(error.getIndex());
                    }
                    return Mono.just(duplicates);
                });
    }

    @Override
    public Flux<Received> bySourceIds(String tenantId, List<String> sourceSignalIds) {
        return Flux.fromIterable(sourceSignalIds)
                .buffer(CHUNK)
                .concatMap(ids -> mongo.find(
                        Query.query(Criteria.where("tenantId")
                                .is(tenantId)
                                .and("sourceSignalId")
                                .in(ids)),
                        Document.class,
                        SIGNALS))
                .map(SignalStore::received);
    }

    @Override
    public Mono<Void> markProcessed(String tenantId, List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(ids)
                .buffer(CHUNK)
                .concatMap(chunk -> mongo.updateMulti(
                        Query.query(
                                Criteria.where("_id").in(chunk).and("tenantId").is(tenantId)),
                        new Update().set("processed", true),
                        SIGNALS))
                .then();
    }

    @Override
    public Flux<Received> forSubject(String tenantId, String subjectId, @Nullable String cursor, int limit) {
        Criteria criteria =
                Criteria.where("tenantId").is(tenantId).and("subjectIds").is(subjectId);
        return mongo.find(CursorPage.newestFirst(criteria, cursor, limit), Document.class, SIGNALS)
                .map(SignalStore::received);
    }

    @Override
    public Flux<Instant> receivedSince(String tenantId, Instant since, int max) {
        Criteria criteria =
                Criteria.where("tenantId").is(tenantId).and("receivedAt").gte(Date.from(since));
        return mongo.find(CursorPage.newestFirst(criteria, null, max), Document.class, SIGNALS)
                .map(doc -> doc.getDate("receivedAt").toInstant());
    }

    @Override
    public Mono<Void> eraseSubject(String tenantId, String subjectId) {
        return mongo.remove(
                        Query.query(Criteria.where("tenantId")
                                .is(tenantId)
                                .and("subjectIds")
                                .is(subjectId)),
                        SIGNALS)
                .then();
    }

    private static Document toDocument(
            String tenantId, Signal signal, List<String> hashes, List<String> subjectIds, Instant now) {
        Document doc = new Document("_id", signal.id())
                .append("tenantId", tenantId)
                .append("sourceSignalId", signal.sourceSignalId())
                .append("type", signal.type().name())
                .append("occurredAt", Date.from(signal.occurredAt()))
                .append("receivedAt", Date.from(now))
                .append("identifierHashes", hashes)
                .append("subjectIds", subjectIds)
                .append("device", signal.device())
                .append("ip", signal.ip())
                .append("institution", signal.institution())
                .append("amount", signal.amount())
                .append("channel", signal.channel())
                // Set once every matched subject has seen it; a repeat of an unprocessed signal finishes the job.
                .append("processed", false);
        if (signal.location() != null) {
            doc.append(
                    "location",
                    new Document("lat", signal.location().lat())
                            .append("lon", signal.location().lon()));
        }
        return doc;
    }

    private static Received received(Document doc) {
        Date received = doc.getDate("receivedAt");
        return new Received(
                fromDocument(doc),
                received == null ? Instant.EPOCH : received.toInstant(),
                new ArrayList<>(doc.getList("subjectIds", String.class, List.of())),
                !Boolean.FALSE.equals(doc.getBoolean("processed")));
    }

    static Signal fromDocument(Document doc) {
        Document location = doc.get("location", Document.class);
        Number amount = doc.get("amount", Number.class);
        return new Signal(
                doc.getString("_id"),
                doc.getString("sourceSignalId"),
                SignalType.valueOf(doc.getString("type")),
                doc.getDate("occurredAt").toInstant(),
                doc.getString("device"),
                doc.getString("ip"),
                location == null
                        ? null
                        : new GeoPoint(
                                location.get("lat", Number.class).doubleValue(),
                                location.get("lon", Number.class).doubleValue()),
                doc.getString("institution"),
                amount == null ? null : amount.doubleValue(),
                doc.getString("channel"));
    }
}

package app.thaw.monitor.baseline.internal;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.baseline.Baseline;
import app.thaw.monitor.baseline.Baselines;
import app.thaw.monitor.signals.GeoPoint;
import app.thaw.monitor.signals.SignalType;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One document per subject in {@code baselines}, id {@code tenant|subject}, written only if its
 * version is still the one read: two signals for the same subject processed at once cannot lose
 * each other's learning (the loser re-reads and re-applies).
 */
@Component
class BaselineStore implements Baselines {

    static final String BASELINES = "baselines";

    private final ReactiveMongoTemplate mongo;

    BaselineStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Baseline> load(String tenantId, String subjectId) {
        return mongo.findOne(
                        Query.query(Criteria.where("_id")
                                .is(key(tenantId, subjectId))
                                .and("tenantId")
                                .is(tenantId)),
                        Document.class,
                        BASELINES)
                .map(BaselineStore::fromDocument)
                .defaultIfEmpty(Baseline.empty());
    }

    @Override
    public Mono<Void> save(String tenantId, String subjectId, Baseline baseline) {
        Document doc = toDocument(baseline)
                .append("_id", key(tenantId, subjectId))
                .append("tenantId", tenantId)
                .append("subjectId", subjectId)
                .append("version", baseline.version() + 1);
        if (baseline.version() == 0) {
            return mongo.insert(doc, BASELINES)
                    .onErrorMap(DuplicateKeyException.class, e -> new OptimisticLockingFailureException("baseline"))
                    .then();
        }
        return mongo.getCollection(BASELINES)
                .flatMap(collection -> Mono.from(collection.replaceOne(
                        new Document("_id", key(tenantId, subjectId))
                                .append("tenantId", tenantId)
                                .append("version", baseline.version()),
                        doc)))
                .flatMap(result -> result.getModifiedCount() == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new OptimisticLockingFailureException("baseline")));
    }

    @Override
    public Mono<Void> erase(String tenantId, String subjectId) {
        return mongo.remove(
                        Query.query(Criteria.where("tenantId")
                                .is(tenantId)
                                .and("subjectId")
                                .is(subjectId)),
                        BASELINES)
                .then();
    }

    static String key(String tenantId, String subjectId) {
        return tenantId + "|" + subjectId;
    }

    static Document toDocument(Baseline b) {
        // A list, not a map: device ids are the sources' strings and may contain '.' or '$'.
        List<Document> devices = b.devices().entrySet().stream()
                .map(e -> new Document("id", e.getKey()).append("seen", Date.from(e.getValue())))
                .toList();
        Baseline.Located last = b.lastLocated();
        return new Document("devices", devices)
                .append("institutions", List.copyOf(b.institutions()))
                .append(
                        "places",
                        b.places().stream()
                                .map(p -> new Document("lat", p.center().lat())
                                        .append("lon", p.center().lon())
                                        .append("count", p.count()))
                                .toList())
                .append(
                        "hourCounts",
                        java.util.Arrays.stream(b.hourCounts()).boxed().toList())
                .append("signalCount", b.signalCount())
                .append(
                        "lastLocated",
                        last == null
                                ? null
                                : new Document("signalId", last.signalId())
                                        .append("lat", last.point().lat())
                                        .append("lon", last.point().lon())
                                        .append("at", Date.from(last.at())))
                .append(
                        "recent",
                        b.recent().stream()
                                .map(r -> new Document("id", r.signalId())
                                        .append("type", r.type().name())
                                        .append("at", Date.from(r.at())))
                                .toList());
    }

    static Baseline fromDocument(Document doc) {
        Map<String, Instant> devices = new LinkedHashMap<>();
        for (Document device : doc.getList("devices", Document.class, List.of())) {
            devices.put(device.getString("id"), device.getDate("seen").toInstant());
        }
        long[] hours = new long[24];
        List<Number> storedHours = doc.getList("hourCounts", Number.class, List.of());
        for (int i = 0; i < Math.min(24, storedHours.size()); i++) {
            hours[i] = storedHours.get(i).longValue();
        }
        Document last = doc.get("lastLocated", Document.class);
        return new Baseline(
                devices,
                new LinkedHashSet<>(doc.getList("institutions", String.class, List.of())),
                doc.getList("places", Document.class, List.of()).stream()
                        .map(p -> new Baseline.Place(
                                new GeoPoint(p.getDouble("lat"), p.getDouble("lon")),
                                p.get("count", Number.class).longValue()))
                        .toList(),
                hours,
                doc.get("signalCount", Number.class).longValue(),
                last == null
                        ? null
                        : new Baseline.Located(
                                last.getString("signalId"),
                                new GeoPoint(last.getDouble("lat"), last.getDouble("lon")),
                                last.getDate("at").toInstant()),
                doc.getList("recent", Document.class, List.of()).stream()
                        .map(r -> new Baseline.Recent(
                                r.getString("id"),
                                SignalType.valueOf(r.getString("type")),
                                r.getDate("at").toInstant()))
                        .toList(),
                doc.get("version", Number.class).longValue());
    }
}

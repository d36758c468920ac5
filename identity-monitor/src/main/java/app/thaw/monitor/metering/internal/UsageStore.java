package app.thaw.monitor.metering.internal;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

import app.thaw.monitor.metering.UsageCounts;
import app.thaw.monitor.metering.UsageMeter;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Usage in the {@code usage} collection, id {@code tenant|YYYY-MM}: one {@code $inc} upsert per write. */
@Component
class UsageStore implements UsageCounts {

    static final String USAGE = "usage";

    private final ReactiveMongoTemplate mongo;

    UsageStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> add(String tenantId, YearMonth month, Map<UsageMeter.Counter, Long> counts) {
        Update update = new Update().setOnInsert("tenantId", tenantId).setOnInsert("month", month.toString());
        counts.forEach((counter, n) -> update.inc(counter.field(), n));
        // The id names the tenant; an upsert's query holds the id only, so the insert it may make is plain.
        return mongo.upsert(Query.query(Criteria.where("_id").is(id(tenantId, month))), update, USAGE)
                .then();
    }

    @Override
    public Mono<Map<UsageMeter.Counter, Long>> stored(String tenantId, YearMonth month) {
        return mongo.findOne(
                        Query.query(Criteria.where("_id")
                                .is(id(tenantId, month))
                                .and("tenantId")
                                .is(tenantId)),
                        Document.class,
                        USAGE)
                .map(doc -> {
                    Map<UsageMeter.Counter, Long> counts = new EnumMap<>(UsageMeter.Counter.class);
                    for (UsageMeter.Counter counter : UsageMeter.Counter.values()) {
                        Number n = doc.get(counter.field(), Number.class);
                        if (n != null) {
                            counts.put(counter, n.longValue());
                        }
                    }
                    return counts;
                })
                .defaultIfEmpty(Map.of());
    }

    private static String id(String tenantId, YearMonth month) {
        return tenantId + "|" + month;
    }
}

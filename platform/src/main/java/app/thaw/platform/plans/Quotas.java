package app.thaw.platform.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import app.thaw.platform.store.IndexedStore;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The monthly meter of what this service owns ({@value #COLLECTION}, one counter per tenant,
 * quota and UTC month) and the rule that enforces a plan's quota on it (ADR 62). {@link #consume}
 * takes an amount only while the month's use stays within the plan's limit, in one conditional
 * write, so two requests at once cannot both pass the last unit; past it, 429 {@code quota_exceeded}.
 * A new month is a new counter: the quota resets at 00:00 UTC on the 1st.
 *
 * <p>Amounts are in the quota's unit, except a quota named {@code …Mb}, metered in bytes against a
 * limit in MiB (evidence storage).
 */
public class Quotas implements IndexedStore {

    public static final String COLLECTION = "monthly_usage";
    private static final long MIB = 1L << 20;

    private final ReactiveMongoTemplate mongo;
    private final TenantPlans plans;
    private final PlanLimits limits;
    private final Clock clock;

    public Quotas(ReactiveMongoTemplate mongo, TenantPlans plans, PlanLimits limits, Clock clock) {
        this.mongo = mongo;
        this.plans = plans;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("month", Sort.Direction.ASC))
                .then();
    }

    /** When the quotas of {@code month} reset: 00:00 UTC on the first of the next month. */
    public static Instant resetsAt(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** How many metered units one unit of {@code quota}'s limit is. */
    static long unit(String quota) {
        return quota.endsWith("Mb") ? MIB : 1;
    }

    /** Takes {@code amount} of the tenant's {@code quota} this month, or fails with 429 {@code quota_exceeded}. */
    public Mono<Void> consume(String tenantId, String quota, long amount) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        return plans.planOf(tenantId).flatMap(plan -> {
            Optional<Long> limit = limits.limit(plan, quota);
            if (limit.isEmpty()) {
                return record(tenantId, quota, amount, month);
            }
            long max = limit.get() * unit(quota) - amount;
            String id = id(tenantId, quota, month);
            Mono<Void> refuse = used(id).flatMap(used -> Mono.error(
                    new QuotaExceeded(plan, quota, limit.get(), inQuotaUnits(quota, used), resetsAt(month), now)));
            if (max < 0) {
                return refuse;
            }
            // Matches only while there is room; a full counter makes the upsert collide on _id: refused.
            Query room = Query.query(Criteria.where("_id").is(id).and("used").lte(max));
            return mongo.upsert(room, counter(tenantId, quota, month).inc("used", amount), COLLECTION)
                    .then()
                    .onErrorResume(DuplicateKeyException.class, full -> refuse);
        });
    }

    /** Counts {@code amount} of {@code quota} this month without refusing (what must happen anyway, e.g. a case an alert opens). */
    public Mono<Void> record(String tenantId, String quota, long amount) {
        return record(tenantId, quota, amount, YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)));
    }

    /** Gives back what {@link #consume} took for an effect that then failed. */
    public Mono<Void> release(String tenantId, String quota, long amount) {
        return record(tenantId, quota, -amount);
    }

    /** The tenant's use in {@code month} of every quota this service meters, in each quota's unit. */
    public Mono<Map<String, Long>> usage(String tenantId, YearMonth month) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId")
                                .is(tenantId)
                                .and("month")
                                .is(month.toString())),
                        Document.class,
                        COLLECTION)
                .collectMap(
                        document -> document.getString("quota"),
                        document -> inQuotaUnits(
                                document.getString("quota"),
                                document.get("used", Number.class).longValue()),
                        TreeMap::new)
                .map(found -> (Map<String, Long>) found);
    }

    private Mono<Void> record(String tenantId, String quota, long amount, YearMonth month) {
        return mongo.upsert(
                        Query.query(Criteria.where("_id").is(id(tenantId, quota, month))),
                        counter(tenantId, quota, month).inc("used", amount),
                        COLLECTION)
                .then();
    }

    private Mono<Long> used(String id) {
        return mongo.findById(id, Document.class, COLLECTION)
                .map(document -> document.get("used", Number.class).longValue())
                .defaultIfEmpty(0L);
    }

    private static Update counter(String tenantId, String quota, YearMonth month) {
        return new Update()
                .setOnInsert("tenantId", tenantId)
                .setOnInsert("quota", quota)
                .setOnInsert("month", month.toString());
    }

    /** Bytes as MiB begun (a byte over is a MiB used), counts as they are. */
    private static long inQuotaUnits(String quota, long used) {
        long unit = unit(quota);
        return unit == 1 ? used : (used + unit - 1) / unit;
    }

    private static String id(String tenantId, String quota, YearMonth month) {
        return tenantId + "|" + quota + "|" + month;
    }
}

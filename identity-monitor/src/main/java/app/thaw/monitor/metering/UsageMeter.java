package app.thaw.monitor.metering;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Counts what each tenant uses, per calendar month in UTC: one document per tenant and month,
 * incremented atomically, so concurrent requests never lose a count.
 */
@Service
public class UsageMeter {

    static final String USAGE = "usage";

    /** What is metered. */
    public enum Counter {
        SUBJECTS_ENROLLED("subjectsEnrolled"), SIGNALS("signals"), SCREENINGS("screenings");

        final String field;

        Counter(String field) {
            this.field = field;
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    UsageMeter(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Void> add(String tenantId, Counter counter, long amount) {
        if (amount == 0) {
            return Mono.empty();
        }
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        return mongo.upsert(Query.query(Criteria.where("_id").is(tenantId + "|" + month)),
                new Update().inc(counter.field, amount).setOnInsert("tenantId", tenantId).setOnInsert("month", month.toString()),
                USAGE).then();
    }

    /** The tenant's usage in {@code month}: zeros for a month with none. */
    public Mono<Usage> usage(String tenantId, YearMonth month) {
        return mongo.findById(tenantId + "|" + month, Document.class, USAGE)
                .map(doc -> new Usage(month.toString(), count(doc, Counter.SUBJECTS_ENROLLED), count(doc, Counter.SIGNALS),
                        count(doc, Counter.SCREENINGS)))
                .defaultIfEmpty(new Usage(month.toString(), 0, 0, 0));
    }

    private static long count(Document doc, Counter counter) {
        Number n = doc.get(counter.field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    /** @param month {@code YYYY-MM} */
    public record Usage(String month, long subjectsEnrolled, long signals, long screenings) {
    }
}

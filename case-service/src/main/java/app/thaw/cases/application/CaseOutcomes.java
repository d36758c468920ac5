package app.thaw.cases.application;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import app.thaw.cases.incident.ChecklistStatus;
import app.thaw.cases.incident.ClockKind;
import app.thaw.cases.incident.ClockState;
import app.thaw.cases.incident.Outcome;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Each case's outcome in a few numbers (ADR 71): one small document per case in {@code case_outcomes},
 * written by {@link CaseStore} with every write of the case, which {@link CaseAnalytics} aggregates
 * instead of the cases themselves. Aggregating the cases meant evaluating their clocks, checklists and
 * timelines for every case at every request — 61–101 s for 100,000 cases on the embedded store.
 *
 * <p>A case's outcome is written after the case, conditional on the case's version (an older write
 * arriving late changes nothing). A failure to write it is logged, not raised: the case's own write
 * has happened, and the next write of the case writes its outcome again. Cases stored before this
 * collection existed are written once at start-up ({@link #backfill()}).
 */
public class CaseOutcomes {

    public static final String COLLECTION = "case_outcomes";

    private static final Logger log = LoggerFactory.getLogger(CaseOutcomes.class);
    private static final List<String> RELEASED = List.of(Outcome.RESTORED.name(), Outcome.PARTIALLY_RESTORED.name());
    /** A decision came: released, refused, sent to law — or closed after one of them. */
    private static final List<String> DECIDED = List.of("RESOLVED", "REJECTED", "ESCALATED_LEGAL", "CLOSED");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final double DAY_MS = 86_400_000.0;

    private final ReactiveMongoTemplate mongo;

    public CaseOutcomes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A case's outcome from the case as stored: who may count it ({@code tenantId}, {@code drill},
     * {@code restricted}, {@code openedAt}), its slice ({@code platform}, {@code scenario}, {@code month}
     * UTC, {@code currency}), and its figures: {@code amount} frozen, {@code decided} and {@code released}
     * (0 or 1), golden 15 kept or breached, clocks breached, {@code releaseDays} (detection to the move to
     * RESOLVED, in days to one decimal — rounding keeps the order, so percentiles of these are the rounded
     * percentiles), {@code rejected}: the checklist codes rejected now or with an evidence item rejected earlier.
     */
    public static Document of(Document stored, long version) {
        Document facts = new Document("_id", stored.get("_id")).append("version", version)
                .append("tenantId", stored.get("tenantId"))
                .append("drill", Boolean.TRUE.equals(stored.get("drill")))
                .append("restricted", Boolean.TRUE.equals(stored.get("restricted")))
                .append("openedAt", stored.get("openedAt"))
                .append("platform", String.valueOf(stored.get("platform")))
                .append("scenario", String.valueOf(stored.get("scenario")));
        facts.append("month", stored.get("openedAt") instanceof Date opened ? MONTH.format(opened.toInstant()) : "-");
        String currency = "-";
        double amount = 0;
        if (stored.get("frozenAmount") instanceof Map<?, ?> money && money.get("currency") instanceof String c) {
            currency = c;
            amount = number(money.get("amount"));
        }
        facts.append("currency", currency).append("amount", amount);
        boolean released = RELEASED.contains(String.valueOf(stored.get("outcome")));
        facts.append("decided", DECIDED.contains(String.valueOf(stored.get("status"))) ? 1 : 0).append("released", released ? 1 : 0);
        int goldenKept = 0;
        int goldenBreached = 0;
        int breached = 0;
        for (Map<?, ?> clock : maps(stored.get("clocks"))) {
            boolean golden = ClockKind.GOLDEN_15.name().equals(clock.get("kind"));
            goldenKept += golden && ClockState.MET.name().equals(clock.get("state")) ? 1 : 0;
            goldenBreached += golden && ClockState.BREACHED.name().equals(clock.get("state")) ? 1 : 0;
            breached += ClockState.BREACHED.name().equals(clock.get("state")) ? 1 : 0;
        }
        facts.append("goldenKept", goldenKept).append("goldenBreached", goldenBreached).append("breached", breached);
        if (released && stored.get("detectedAt") instanceof Date detected) {
            for (Map<?, ?> entry : maps(stored.get("timeline"))) {
                if ("status_changed".equals(entry.get("type")) && entry.get("details") instanceof Map<?, ?> details
                        && "RESOLVED".equals(details.get("to")) && entry.get("at") instanceof Date at) {
                    facts.append("releaseDays", Math.round((at.getTime() - detected.getTime()) / DAY_MS * 10) / 10.0);
                    break;
                }
            }
        }
        List<String> rejected = new ArrayList<>();
        for (Map<?, ?> line : maps(stored.get("checklist"))) {
            boolean wasRejected = ChecklistStatus.REJECTED.name().equals(line.get("status"))
                    || line.get("evidence") instanceof Map<?, ?> evidence && evidence.containsValue(ChecklistStatus.REJECTED.name());
            if (wasRejected && line.get("code") != null) {
                rejected.add(String.valueOf(line.get("code")));
            }
        }
        return facts.append("rejected", rejected);
    }

    /** Writes the outcome of the case stored at {@code version}, unless a later version's is there already. */
    public Mono<Void> record(Document stored, long version) {
        Document facts = of(stored, version);
        Update update = new Update();
        facts.forEach((field, value) -> {
            if (!field.equals("_id")) {
                update.set(field, value);
            }
        });
        Query older = Query.query(Criteria.where("_id").is(facts.get("_id")).and("version").lt(version));
        return mongo.upsert(older, update, COLLECTION).then()
                // The upsert's insert collides when a newer (or the same) version is stored: nothing to do.
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .onErrorResume(e -> {
                    log.warn("Outcome of case {} v{} not recorded; the case's next write records it", facts.get("_id"), version, e);
                    return Mono.empty();
                });
    }

    /** Writes the outcome of every stored case that has none (cases stored before this collection existed). */
    public Mono<Long> backfill() {
        return Mono.zip(mongo.getCollection(CaseStore.CASES).flatMap(c -> Mono.from(c.estimatedDocumentCount())),
                        mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.estimatedDocumentCount())))
                .flatMap(counts -> counts.getT2() >= counts.getT1() ? Mono.just(0L)
                        : mongo.findAll(Document.class, CaseStore.CASES)
                        .concatMap(stored -> mongo.exists(Query.query(Criteria.where("_id").is(stored.get("_id"))), COLLECTION)
                                .flatMap(present -> present ? Mono.just(0L)
                                        : record(stored, stored.get("version") instanceof Number v ? v.longValue() : 0L).thenReturn(1L)))
                        .reduce(0L, Long::sum)
                        .doOnNext(written -> log.info("Outcomes written for {} cases stored before them", written)));
    }

    private static List<Map<?, ?>> maps(Object value) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> map) {
                    out.add(map);
                }
            }
        }
        return out;
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof org.bson.types.Decimal128 d) {
            return d.doubleValue();
        }
        try {
            return value == null ? 0 : Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package app.thaw.cases.casework.internal;

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
    /** Per tenant and UTC day: the day's cases, its figures and whether they are current ({@code mark} = {@code built}). */
    public static final String DAYS = "case_outcome_days";

    private static final Logger log = LoggerFactory.getLogger(CaseOutcomes.class);
    private static final List<String> RELEASED = List.of(Outcome.RESTORED.name(), Outcome.PARTIALLY_RESTORED.name());
    /** A decision came: released, refused, sent to law — or closed after one of them. */
    private static final List<String> DECIDED = List.of("RESOLVED", "REJECTED", "ESCALATED_LEGAL", "CLOSED");

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
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
        Document facts = new Document("_id", stored.get("_id"))
                .append("version", version)
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
        facts.append("decided", DECIDED.contains(String.valueOf(stored.get("status"))) ? 1 : 0)
                .append("released", released ? 1 : 0);
        int goldenKept = 0;
        int goldenBreached = 0;
        int breached = 0;
        for (Map<?, ?> clock : maps(stored.get("clocks"))) {
            boolean golden = ClockKind.GOLDEN_15.name().equals(clock.get("kind"));
            goldenKept += golden && ClockState.MET.name().equals(clock.get("state")) ? 1 : 0;
            goldenBreached += golden && ClockState.BREACHED.name().equals(clock.get("state")) ? 1 : 0;
            breached += ClockState.BREACHED.name().equals(clock.get("state")) ? 1 : 0;
        }
        facts.append("goldenKept", goldenKept)
                .append("goldenBreached", goldenBreached)
                .append("breached", breached);
        if (released && stored.get("detectedAt") instanceof Date detected) {
            for (Map<?, ?> entry : maps(stored.get("timeline"))) {
                if ("status_changed".equals(entry.get("type"))
                        && entry.get("details") instanceof Map<?, ?> details
                        && "RESOLVED".equals(details.get("to"))
                        && entry.get("at") instanceof Date at) {
                    facts.append("releaseDays", Math.round((at.getTime() - detected.getTime()) / DAY_MS * 10) / 10.0);
                    break;
                }
            }
        }
        List<String> rejected = new ArrayList<>();
        for (Map<?, ?> line : maps(stored.get("checklist"))) {
            boolean wasRejected = ChecklistStatus.REJECTED.name().equals(line.get("status"))
                    || line.get("evidence") instanceof Map<?, ?> evidence
                            && evidence.containsValue(ChecklistStatus.REJECTED.name());
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
        Query older = Query.query(
                Criteria.where("_id").is(facts.get("_id")).and("version").lt(version));
        return mongo.upsert(older, update, COLLECTION)
                .then(changed(List.of(facts)))
                // The upsert's insert collides when a newer (or the same) version is stored: nothing to do.
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .onErrorResume(e -> {
                    log.warn(
                            "Outcome of case {} v{} not recorded; the case's next write records it",
                            facts.get("_id"),
                            version,
                            e);
                    return Mono.empty();
                });
    }

    /**
     * Outcomes of cases written together, none stored before (a bulk load: the benchmark, a backfill):
     * one insert, one change per day.
     */
    public Mono<Void> recordNew(List<Document> stored) {
        List<Document> facts = stored.stream()
                .map(c -> of(c, c.get("version") instanceof Number v ? v.longValue() : 0L))
                .toList();
        return mongo.insert(facts, COLLECTION).then(changed(facts));
    }

    /**
     * The days these outcomes belong to have changed: each case joins its day's list, and the day's
     * {@code mark} moves on, so its figures are built again from its outcomes when next read
     * ({@link CaseAnalytics}). Written after the outcomes: a day read while an outcome is being written
     * is marked again after it. Drills count in no figures.
     */
    private Mono<Void> changed(List<Document> facts) {
        Map<String, List<Object>> byDay = new java.util.LinkedHashMap<>();
        for (Document one : facts) {
            if (!Boolean.TRUE.equals(one.get("drill")) && one.get("openedAt") instanceof Date opened) {
                byDay.computeIfAbsent(
                                dayId(String.valueOf(one.get("tenantId")), DAY.format(opened.toInstant())),
                                k -> new ArrayList<>())
                        .add(one.get("_id"));
            }
        }
        return reactor.core.publisher.Flux.fromIterable(byDay.entrySet())
                .concatMap(day -> mongo.upsert(
                        Query.query(Criteria.where("_id").is(day.getKey())),
                        new Update()
                                .setOnInsert(
                                        "tenantId",
                                        day.getKey().substring(0, day.getKey().lastIndexOf('|')))
                                .setOnInsert(
                                        "day",
                                        day.getKey().substring(day.getKey().lastIndexOf('|') + 1))
                                .addToSet("cases")
                                .each(day.getValue().toArray())
                                .inc("mark", 1L),
                        DAYS))
                .then();
    }

    /** A tenant's day ({@code acme|2026-12-07}): tenant ids hold no {@code |}. */
    public static String dayId(String tenantId, String day) {
        return tenantId + "|" + day;
    }

    /**
     * One day's figures from its cases' outcomes, as rows: {@code groups} (per platform × scenario ×
     * month × currency: counts and sums), {@code days} (released cases per scenario and days frozen),
     * {@code rejected} (lines per code); each row with {@code r}, whether its cases are restricted
     * (compliance cases, counted only for those who see them).
     */
    public static Document rollup(List<Document> facts) {
        Map<List<Object>, Document> groups = new java.util.LinkedHashMap<>();
        Map<List<Object>, Document> days = new java.util.LinkedHashMap<>();
        Map<List<Object>, Document> rejected = new java.util.LinkedHashMap<>();
        for (Document one : facts) {
            if (Boolean.TRUE.equals(one.get("drill"))) {
                continue;
            }
            boolean restricted = Boolean.TRUE.equals(one.get("restricted"));
            Document group = groups.computeIfAbsent(
                    List.of(
                            restricted,
                            one.get("platform"),
                            one.get("scenario"),
                            one.get("month"),
                            one.get("currency")),
                    key -> new Document(
                                    "_id",
                                    new Document("platform", key.get(1))
                                            .append("scenario", key.get(2))
                                            .append("month", key.get(3))
                                            .append("currency", key.get(4)))
                            .append("r", restricted));
            for (String counter : List.of("decided", "released", "goldenKept", "goldenBreached", "breached")) {
                group.put(
                        counter,
                        group.get(counter) instanceof Number n
                                ? n.longValue() + longOf(one.get(counter))
                                : longOf(one.get(counter)));
            }
            group.put("cases", group.get("cases") instanceof Number n ? n.longValue() + 1 : 1L);
            double amount = one.get("amount") instanceof Number n ? n.doubleValue() : 0;
            group.put("frozen", (group.get("frozen") instanceof Number n ? n.doubleValue() : 0) + amount);
            group.put(
                    "releasedAmount",
                    (group.get("releasedAmount") instanceof Number n ? n.doubleValue() : 0)
                            + (longOf(one.get("released")) == 1 ? amount : 0));
            if (longOf(one.get("released")) == 1 && one.get("releaseDays") instanceof Number frozen) {
                days.computeIfAbsent(
                                List.of(restricted, one.get("scenario"), frozen.doubleValue()),
                                key -> new Document(
                                                "_id", new Document("scenario", key.get(1)).append("days", key.get(2)))
                                        .append("r", restricted)
                                        .append("n", 0L))
                        .merge("n", 1L, (a, b) -> ((Number) a).longValue() + 1);
            }
            for (Object code : one.getList("rejected", Object.class, List.of())) {
                rejected.computeIfAbsent(
                                List.of(restricted, code),
                                key -> new Document("_id", key.get(1))
                                        .append("r", restricted)
                                        .append("lines", 0L))
                        .merge("lines", 1L, (a, b) -> ((Number) a).longValue() + 1);
            }
        }
        return new Document("groups", new ArrayList<>(groups.values()))
                .append("days", new ArrayList<>(days.values()))
                .append("rejected", new ArrayList<>(rejected.values()));
    }

    private static long longOf(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** Writes the outcome of every stored case that has none (cases stored before this collection existed). */
    public Mono<Long> backfill() {
        return Mono.zip(
                        mongo.getCollection(MongoCaseStore.CASES).flatMap(c -> Mono.from(c.estimatedDocumentCount())),
                        mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.estimatedDocumentCount())))
                .flatMap(counts -> counts.getT2() >= counts.getT1()
                        ? Mono.just(0L)
                        : mongo.findAll(Document.class, MongoCaseStore.CASES)
                                .concatMap(stored -> mongo.exists(
                                                Query.query(
                                                        Criteria.where("_id").is(stored.get("_id"))),
                                                COLLECTION)
                                        .flatMap(present -> present
                                                ? Mono.just(0L)
                                                : record(
                                                                stored,
                                                                stored.get("version") instanceof Number v
                                                                        ? v.longValue()
                                                                        : 0L)
                                                        .thenReturn(1L)))
                                .reduce(0L, Long::sum)
                                .doOnNext(written ->
                                        log.info("Outcomes written for {} cases stored before them", written)));
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

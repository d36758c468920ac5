package app.thaw.cases.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.analytics.CaseAnalytics;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.security.CurrentCaller;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/** {@link CaseAnalytics} from the figures the case store keeps per tenant and UTC day ({@link CaseOutcomes}, ADR 71). */
final class MongoCaseAnalytics implements CaseAnalytics {
    private final ReactiveMongoTemplate mongo;
    private final CaseAccess access;
    private final Clock clock;

    MongoCaseAnalytics(ReactiveMongoTemplate mongo, CaseAccess access, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Mono<Analytics> compute(@Nullable String tenantId, @Nullable Instant from, @Nullable Instant to) {
        return CurrentCaller.get()
                .flatMap(caller -> {
                    // With no end given, "until now" includes a case opened this very instant.
                    Instant end = to == null ? clock.instant().plusMillis(1) : to;
                    Instant start = from == null ? end.minus(java.time.Duration.ofDays(365)) : from;
                    if (!start.isBefore(end)) {
                        throw CaseProblems.invalid("from", "Before", "must be before 'to'");
                    }
                    if (java.time.Duration.between(start, end).toDays() > 3660) {
                        throw CaseProblems.invalid("from", "Range", "reaches more than ten years before 'to'");
                    }
                    // Whole UTC days: the figures are kept per tenant and day (ADR 71).
                    java.time.LocalDate first =
                            start.atZone(java.time.ZoneOffset.UTC).toLocalDate();
                    java.time.LocalDate last =
                            end.atZone(java.time.ZoneOffset.UTC).toLocalDate();
                    java.time.LocalDate endDay = end.equals(
                                    last.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                            ? last
                            : last.plusDays(1);
                    @Nullable String tenant = CaseAccess.staff(caller) ? tenantId : caller.tenantId();
                    boolean restricted = CaseAccess.seesRestricted(caller);
                    // Staff reading across tenants is audited, as the queue's lists are.
                    Mono<Void> audited = !CaseAccess.staff(caller)
                            ? Mono.empty()
                            : access.auditStaffList(caller, tenantId, Map.of("view", "analytics"));
                    return audited.then(days(tenant, first, endDay).collectList())
                            .map(found -> {
                                List<Document> groups = new java.util.ArrayList<>();
                                List<Document> days = new java.util.ArrayList<>();
                                List<Document> rejected = new java.util.ArrayList<>();
                                for (Document day : found) {
                                    groups.addAll(rows(day, "groups", restricted));
                                    days.addAll(rows(day, "days", restricted));
                                    rejected.addAll(rows(day, "rejected", restricted));
                                }
                                return assemble(
                                        first.atStartOfDay(java.time.ZoneOffset.UTC)
                                                .toInstant(),
                                        endDay.atStartOfDay(java.time.ZoneOffset.UTC)
                                                .toInstant(),
                                        tenant,
                                        groups,
                                        days,
                                        rejected);
                            });
                })
                .onErrorMap(CaseProblems::translate);
    }

    /**
     * The figures of each day in {@code [first, end)} of {@code tenant} (every tenant's when null) that
     * has cases: kept ones as they are, changed ones ({@code mark} ≠ {@code built}) built again from
     * their cases' outcomes — looked up by id — and kept for the next read unless changed meanwhile.
     */
    private reactor.core.publisher.Flux<Document> days(
            @Nullable String tenant, java.time.LocalDate first, java.time.LocalDate end) {
        Query query;
        if (tenant != null) {
            List<String> ids = new java.util.ArrayList<>();
            for (java.time.LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
                ids.add(CaseOutcomes.dayId(tenant, day.toString()));
            }
            query = Query.query(Criteria.where("_id").in(ids));
        } else {
            query = Query.query(Criteria.where("day").gte(first.toString()).lt(end.toString()));
        }
        query.fields().include("mark").include("built").include("figures");
        return mongo.find(query, Document.class, CaseOutcomes.DAYS)
                .flatMap(
                        day -> java.util.Objects.equals(day.get("mark"), day.get("built"))
                                        && day.get("figures") instanceof String kept
                                ? Mono.just(Document.parse(kept))
                                : rebuild(day),
                        4);
    }

    private Mono<Document> rebuild(Document day) {
        Object mark = day.get("mark");
        Query self = Query.query(Criteria.where("_id").is(day.get("_id")));
        self.fields().include("cases");
        return mongo.findOne(self, Document.class, CaseOutcomes.DAYS)
                .flatMap(found -> mongo.find(
                                Query.query(Criteria.where("_id").in(found.getList("cases", Object.class, List.of()))),
                                Document.class,
                                CaseOutcomes.COLLECTION)
                        .collectList())
                .map(CaseOutcomes::rollup)
                .flatMap(figures -> {
                    // Kept as one JSON string: a day holds a few hundred rows, which the store then moves as one value.
                    Update update = new Update().set("built", mark).set("figures", figures.toJson());
                    // Kept only if no outcome of the day changed meanwhile (else the next read builds it again).
                    return mongo.updateFirst(
                                    Query.query(Criteria.where("_id")
                                            .is(day.get("_id"))
                                            .and("mark")
                                            .is(mark)),
                                    update,
                                    CaseOutcomes.DAYS)
                            .thenReturn(figures);
                });
    }

    private static List<Document> rows(Document day, String field, boolean restricted) {
        return day.getList(field, Document.class, List.of()).stream()
                .filter(row -> restricted || !Boolean.TRUE.equals(row.get("r")))
                .toList();
    }

    // ------------------------------------------------------------------ assembling

    private static Analytics assemble(
            Instant from,
            Instant to,
            @Nullable String tenantId,
            List<Document> rows,
            List<Document> days,
            List<Document> rejected) {
        Map<String, long[]> byPlatform = new TreeMap<>();
        Map<String, long[]> byScenario = new TreeMap<>();
        Map<String, long[]> byMonth = new TreeMap<>();
        long[] total = new long[6];
        Map<String, double[]> funds = new TreeMap<>();
        for (Document row : rows) {
            Document id = row.get("_id", Document.class);
            long[] counts = {
                number(row, "cases"),
                number(row, "decided"),
                number(row, "released"),
                number(row, "goldenKept"),
                number(row, "goldenBreached"),
                number(row, "breached")
            };
            add(total, counts);
            add(byPlatform.computeIfAbsent(String.valueOf(id.get("platform")), k -> new long[6]), counts);
            add(byScenario.computeIfAbsent(String.valueOf(id.get("scenario")), k -> new long[6]), counts);
            add(byMonth.computeIfAbsent(String.valueOf(id.get("month")), k -> new long[6]), counts);
            String currency = String.valueOf(id.get("currency"));
            if (!"-".equals(currency)) {
                double[] sums = funds.computeIfAbsent(currency, k -> new double[2]);
                sums[0] += ((Number) row.get("frozen", 0)).doubleValue();
                sums[1] += ((Number) row.get("releasedAmount", 0)).doubleValue();
            }
        }
        Map<Double, Long> all = new TreeMap<>();
        Map<String, Map<Double, Long>> perScenario = new TreeMap<>();
        for (Document day : days) {
            Document id = day.get("_id", Document.class);
            if (id != null && id.get("days") instanceof Number n) {
                long count = number(day, "n");
                all.merge(n.doubleValue(), count, Long::sum);
                perScenario
                        .computeIfAbsent(String.valueOf(id.get("scenario")), k -> new TreeMap<>())
                        .merge(n.doubleValue(), count, Long::sum);
            }
        }
        Map<String, DaysFrozen> daysByScenario = new LinkedHashMap<>();
        perScenario.forEach((scenario, values) -> daysByScenario.put(scenario, daysFrozen(values)));
        List<Rejections> mostRejected = rejected.stream()
                .map(row -> new Rejections(String.valueOf(row.get("_id")), number(row, "lines")))
                .sorted(Comparator.comparingLong(Rejections::lines).reversed().thenComparing(Rejections::code))
                .toList();
        return new Analytics(
                from,
                to,
                tenantId,
                figures(total),
                daysFrozen(all),
                figures(byPlatform),
                figures(byScenario),
                figures(byMonth),
                daysByScenario,
                funds.entrySet().stream()
                        .map(e -> new Funds(e.getKey(), round2(e.getValue()[0]), round2(e.getValue()[1])))
                        .toList(),
                mostRejected);
    }

    /** Nearest-rank percentiles (p50, p90) of days (each already to one decimal), from how many cases had each value. */
    static DaysFrozen daysFrozen(Map<Double, Long> counts) {
        long size = counts.values().stream().mapToLong(Long::longValue).sum();
        if (size == 0) {
            return new DaysFrozen(0, null, null);
        }
        Map<Double, Long> sorted = new TreeMap<>(counts);
        return new DaysFrozen(size, round1(rank(sorted, size, 0.5)), round1(rank(sorted, size, 0.9)));
    }

    /** The value at the nearest rank ⌈p·n⌉ (1-based) in the sorted histogram. */
    private static double rank(Map<Double, Long> sorted, long size, double p) {
        long rank = Math.max(1, Math.min(size, (long) Math.ceil(p * size)));
        long seen = 0;
        double last = 0;
        for (Map.Entry<Double, Long> entry : sorted.entrySet()) {
            seen += entry.getValue();
            last = entry.getKey();
            if (seen >= rank) {
                return last;
            }
        }
        return last;
    }

    private static Map<String, Figures> figures(Map<String, long[]> counts) {
        Map<String, Figures> out = new LinkedHashMap<>();
        counts.forEach((key, c) -> out.put(key, figures(c)));
        return out;
    }

    private static Figures figures(long[] c) {
        return Figures.of(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    private static void add(long[] into, long[] counts) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counts[i];
        }
    }

    private static long number(Document row, String field) {
        return row.get(field) instanceof Number n ? n.longValue() : 0;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

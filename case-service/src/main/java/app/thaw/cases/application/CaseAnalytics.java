package app.thaw.cases.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.thaw.cases.incident.ChecklistStatus;
import app.thaw.cases.incident.ClockKind;
import app.thaw.cases.incident.ClockState;
import app.thaw.cases.incident.Outcome;
import app.thaw.platform.security.CurrentCaller;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import reactor.core.publisher.Mono;

/**
 * Outcome analytics (issue 23): how many accounts were released, how fast, on which platform and
 * scenario, by month; funds frozen and released by currency; golden 15 kept; clocks breached; which
 * checklist items were most often rejected. Computed by the store — aggregation pipelines that
 * answer a few hundred group rows and, for the percentiles, one number per released case — never by
 * loading cases. The cases counted are those the API's queue shows the caller (tenant, staff's
 * tenant filter, the compliance restriction), opened in {@code [from, to)}, drills left out.
 */
public class CaseAnalytics {

    private static final List<String> RELEASED = List.of(Outcome.RESTORED.name(), Outcome.PARTIALLY_RESTORED.name());
    private static final long DAY_MS = 86_400_000L;
    /** A decision came: released, refused, sent to law — or closed after one of them. */
    private static final List<String> DECIDED = List.of("RESOLVED", "REJECTED", "ESCALATED_LEGAL", "CLOSED");

    private final ReactiveMongoTemplate mongo;
    private final CaseAccess access;
    private final Clock clock;

    public CaseAnalytics(ReactiveMongoTemplate mongo, CaseAccess access, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.clock = clock;
    }

    /** One slice's figures (all cases, a platform, a scenario or a month). */
    public record Figures(long cases, long decided, long released, double releaseRate, long goldenKept, long goldenBreached,
                          long clocksBreached) {

        static Figures of(long cases, long decided, long released, long goldenKept, long goldenBreached, long clocksBreached) {
            return new Figures(cases, decided, released, decided == 0 ? 0 : Math.round(released * 1000.0 / decided) / 1000.0,
                    goldenKept, goldenBreached, clocksBreached);
        }
    }

    /** Funds frozen and released, in one currency (never summed across currencies). */
    public record Funds(String currency, double frozen, double released) {
    }

    /** Days from detection to release, over the released cases. */
    public record DaysFrozen(long released, @Nullable Double median, @Nullable Double p90) {
    }

    public record Rejections(String code, long lines) {
    }

    public record Analytics(Instant from, Instant to, @Nullable String tenantId, Figures total, DaysFrozen daysFrozen,
                            Map<String, Figures> byPlatform, Map<String, Figures> byScenario, Map<String, Figures> byMonth,
                            Map<String, DaysFrozen> daysFrozenByScenario, List<Funds> funds, List<Rejections> mostRejected) {
    }

    /** The figures for the caller's cases (or staff's chosen tenant's, or every tenant's) opened in {@code [from, to)}. */
    public Mono<Analytics> compute(@Nullable String tenantId, @Nullable Instant from, @Nullable Instant to) {
        return CurrentCaller.get().flatMap(caller -> {
            // With no end given, "until now" includes a case opened this very instant.
            Instant end = to == null ? clock.instant().plusMillis(1) : to;
            Instant start = from == null ? end.minus(java.time.Duration.ofDays(365)) : from;
            if (!start.isBefore(end)) {
                throw CaseProblems.invalid("from", "Before", "must be before 'to'");
            }
            if (java.time.Duration.between(start, end).toDays() > 3660) {
                throw CaseProblems.invalid("from", "Range", "reaches more than ten years before 'to'");
            }
            CaseQuery scope = new CaseQuery(null, null, null, null, false, CaseAccess.staff(caller) ? tenantId : null, null, null);
            List<Criteria> where = scope.criteria(caller, end, java.time.Duration.ZERO);
            where.add(Criteria.where("openedAt").gte(java.util.Date.from(start)).lt(java.util.Date.from(end)));
            Criteria match = new Criteria().andOperator(where);
            // Staff reading across tenants is audited, as the queue's lists are.
            Mono<Void> audited = !CaseAccess.staff(caller) || caller.tenantId().equals(tenantId) ? Mono.empty()
                    : access.auditLog().record("case.cross_tenant_list", "case", "*",
                            Map.of("tenantFilter", tenantId == null ? "*" : tenantId, "view", "analytics"));
            return audited.then(Mono.zip(groups(match).collectList(), releaseDays(match).collectList(), rejections(match).collectList()))
                    .map(found -> assemble(start, end, CaseAccess.staff(caller) ? tenantId : caller.tenantId(),
                            found.getT1(), found.getT2(), found.getT3()));
        }).onErrorMap(CaseProblems::translate);
    }

    /** A UTC date {@code yyyy-MM-dd} between 1970 and 2100 (a query parameter), as its start instant; none when absent. */
    public static @Nullable Instant day(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        java.time.LocalDate date;
        try {
            date = java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw CaseProblems.invalid(field, "Date", "must be a date such as 2026-01-01");
        }
        if (date.getYear() < 1970 || date.getYear() > 2100) {
            throw CaseProblems.invalid(field, "DateWindow", "must lie between 1970-01-01 and 2100-12-31");
        }
        return date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** The figures as CSV rows (RFC 4180): one per slice — total, each platform, scenario and month — then funds and rejections. */
    public static String csv(Analytics a) {
        StringBuilder out = new StringBuilder("section,key,cases,decided,released,release_rate,golden_kept,golden_breached,clocks_breached,"
                + "median_days,p90_days,frozen,released_amount,rejected_lines\r\n");
        row(out, "total", "all", a.total(), a.daysFrozen());
        a.byPlatform().forEach((key, f) -> row(out, "platform", key, f, null));
        a.byScenario().forEach((key, f) -> row(out, "scenario", key, f, a.daysFrozenByScenario().get(key)));
        a.byMonth().forEach((key, f) -> row(out, "month", key, f, null));
        a.funds().forEach(f -> out.append("funds,").append(cell(f.currency())).append(",,,,,,,,,,").append(f.frozen()).append(',')
                .append(f.released()).append(",\r\n"));
        a.mostRejected().forEach(r -> out.append("rejected,").append(cell(r.code())).append(",,,,,,,,,,,,").append(r.lines()).append("\r\n"));
        return out.toString();
    }

    private static void row(StringBuilder out, String section, String key, Figures f, @Nullable DaysFrozen days) {
        out.append(section).append(',').append(cell(key)).append(',').append(f.cases()).append(',').append(f.decided()).append(',')
                .append(f.released()).append(',').append(f.releaseRate()).append(',').append(f.goldenKept()).append(',')
                .append(f.goldenBreached()).append(',').append(f.clocksBreached()).append(',')
                .append(days == null || days.median() == null ? "" : days.median()).append(',')
                .append(days == null || days.p90() == null ? "" : days.p90()).append(",,,\r\n");
    }

    /** A CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    // ------------------------------------------------------------------ pipelines

    /** One row per platform × scenario × month × currency, with the counts and sums. */
    private reactor.core.publisher.Flux<Document> groups(Criteria match) {
        Document clocks = new Document("$ifNull", List.of("$clocks", List.of()));
        Document project = new Document()
                .append("platform", 1).append("scenario", 1)
                .append("month", new Document("$dateToString", new Document("format", "%Y-%m").append("date", "$openedAt")))
                .append("currency", new Document("$ifNull", List.of("$frozenAmount.currency", "-")))
                .append("amount", new Document("$ifNull", List.of(new Document("$toDouble", "$frozenAmount.amount"), 0)))
                .append("decided", new Document("$cond", List.of(new Document("$in", List.of("$status", DECIDED)), 1, 0)))
                .append("released", new Document("$cond", List.of(new Document("$in", List.of("$outcome", RELEASED)), 1, 0)))
                .append("goldenKept", count(clocks, new Document("$and", List.of(
                        new Document("$eq", List.of("$$c.kind", ClockKind.GOLDEN_15.name())),
                        new Document("$eq", List.of("$$c.state", ClockState.MET.name()))))))
                .append("goldenBreached", count(clocks, new Document("$and", List.of(
                        new Document("$eq", List.of("$$c.kind", ClockKind.GOLDEN_15.name())),
                        new Document("$eq", List.of("$$c.state", ClockState.BREACHED.name()))))))
                .append("breached", count(clocks, new Document("$eq", List.of("$$c.state", ClockState.BREACHED.name()))));
        Document group = new Document("_id", new Document("platform", "$platform").append("scenario", "$scenario")
                .append("month", "$month").append("currency", "$currency"))
                .append("cases", new Document("$sum", 1))
                .append("decided", new Document("$sum", "$decided"))
                .append("released", new Document("$sum", "$released"))
                .append("goldenKept", new Document("$sum", "$goldenKept"))
                .append("goldenBreached", new Document("$sum", "$goldenBreached"))
                .append("breached", new Document("$sum", "$breached"))
                .append("frozen", new Document("$sum", "$amount"))
                .append("releasedAmount", new Document("$sum", new Document("$cond", List.of(new Document("$eq", List.of("$released", 1)),
                        "$amount", 0))));
        return mongo.aggregate(Aggregation.newAggregation(Aggregation.match(match), stage("$project", project), stage("$group", group)),
                CaseStore.CASES, Document.class);
    }

    /** One number per released case: days from detection to the move to RESOLVED (from its timeline entry). */
    private reactor.core.publisher.Flux<Document> releaseDays(Criteria match) {
        Document resolvedEntry = new Document("$arrayElemAt", List.of(new Document("$filter", new Document("input", "$timeline").append("as", "t")
                .append("cond", new Document("$and", List.of(new Document("$eq", List.of("$$t.type", "status_changed")),
                        new Document("$eq", List.of("$$t.details.to", "RESOLVED")))))), 0));
        return mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.match(new Criteria().andOperator(match, Criteria.where("outcome").in(RELEASED))),
                        stage("$project", new Document("_id", 0).append("scenario", 1).append("detectedAt", 1).append("resolved", resolvedEntry)),
                        stage("$project", new Document("scenario", 1).append("days", new Document("$divide", List.of(
                                new Document("$subtract", List.of("$resolved.at", "$detectedAt")), DAY_MS))))),
                CaseStore.CASES, Document.class);
    }

    /** Checklist lines rejected now, or with an evidence item rejected earlier (even if a later one was accepted), by requirement code. */
    private reactor.core.publisher.Flux<Document> rejections(Criteria match) {
        Document rejectedItems = new Document("$size", new Document("$filter", new Document("input",
                new Document("$objectToArray", new Document("$ifNull", List.of("$checklist.evidence", new Document()))))
                .append("as", "e").append("cond", new Document("$eq", List.of("$$e.v", ChecklistStatus.REJECTED.name())))));
        return mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.match(new Criteria().andOperator(match, Criteria.where("checklist.status").exists(true))),
                        stage("$project", new Document("checklist", 1)),
                        stage("$unwind", new Document("path", "$checklist")),
                        stage("$project", new Document("code", "$checklist.code").append("rejected", new Document("$cond", List.of(
                                new Document("$or", List.of(new Document("$eq", List.of("$checklist.status", ChecklistStatus.REJECTED.name())),
                                        new Document("$gt", List.of(rejectedItems, 0)))), 1, 0)))),
                        stage("$match", new Document("rejected", new Document("$gt", 0))),
                        stage("$group", new Document("_id", "$code").append("lines", new Document("$sum", 1)))),
                CaseStore.CASES, Document.class);
    }

    private static Document count(Document array, Document condition) {
        return new Document("$size", new Document("$filter", new Document("input", array).append("as", "c").append("cond", condition)));
    }

    private static AggregationOperation stage(String name, Document body) {
        return context -> new Document(name, body);
    }

    // ------------------------------------------------------------------ assembling

    private static Analytics assemble(Instant from, Instant to, @Nullable String tenantId, List<Document> rows, List<Document> days,
                                      List<Document> rejected) {
        Map<String, long[]> byPlatform = new TreeMap<>();
        Map<String, long[]> byScenario = new TreeMap<>();
        Map<String, long[]> byMonth = new TreeMap<>();
        long[] total = new long[6];
        Map<String, double[]> funds = new TreeMap<>();
        for (Document row : rows) {
            Document id = row.get("_id", Document.class);
            long[] counts = {number(row, "cases"), number(row, "decided"), number(row, "released"), number(row, "goldenKept"),
                    number(row, "goldenBreached"), number(row, "breached")};
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
        List<Double> all = new ArrayList<>();
        Map<String, List<Double>> perScenario = new TreeMap<>();
        for (Document day : days) {
            if (day.get("days") instanceof Number n) {
                all.add(n.doubleValue());
                perScenario.computeIfAbsent(String.valueOf(day.get("scenario")), k -> new ArrayList<>()).add(n.doubleValue());
            }
        }
        Map<String, DaysFrozen> daysByScenario = new LinkedHashMap<>();
        perScenario.forEach((scenario, values) -> daysByScenario.put(scenario, daysFrozen(values)));
        List<Rejections> mostRejected = rejected.stream().map(row -> new Rejections(String.valueOf(row.get("_id")), number(row, "lines")))
                .sorted(Comparator.comparingLong(Rejections::lines).reversed().thenComparing(Rejections::code)).toList();
        return new Analytics(from, to, tenantId, figures(total), daysFrozen(all), figures(byPlatform), figures(byScenario), figures(byMonth),
                daysByScenario, funds.entrySet().stream().map(e -> new Funds(e.getKey(), round2(e.getValue()[0]), round2(e.getValue()[1]))).toList(),
                mostRejected);
    }

    /** Nearest-rank percentiles (p50, p90) of days, to one decimal. */
    static DaysFrozen daysFrozen(List<Double> values) {
        if (values.isEmpty()) {
            return new DaysFrozen(0, null, null);
        }
        List<Double> sorted = values.stream().sorted().toList();
        return new DaysFrozen(sorted.size(), round1(rank(sorted, 0.5)), round1(rank(sorted, 0.9)));
    }

    private static double rank(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
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

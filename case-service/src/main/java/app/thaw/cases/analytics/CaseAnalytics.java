package app.thaw.cases.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.cases.problems.CaseProblems;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Outcome analytics (issue 23): how many accounts were released, how fast, on which platform and
 * scenario, by month; funds frozen and released by currency; golden 15 kept; clocks breached; which
 * checklist items were most often rejected. From figures kept per tenant and UTC day ({@link CaseOutcomes},
 * ADR 71): a day's figures are built from its cases' outcomes when one of them changed, and read as
 * they are otherwise — never by loading cases. The cases counted are those the API's queue shows the caller (tenant, staff's
 * tenant filter, the compliance restriction), opened in the UTC days {@code [from, to)}, drills left out.
 */
public interface CaseAnalytics {

    /** One slice's figures (all cases, a platform, a scenario or a month). */
    record Figures(
            long cases,
            long decided,
            long released,
            double releaseRate,
            long goldenKept,
            long goldenBreached,
            long clocksBreached) {

        public static Figures of(
                long cases, long decided, long released, long goldenKept, long goldenBreached, long clocksBreached) {
            return new Figures(
                    cases,
                    decided,
                    released,
                    decided == 0 ? 0 : Math.round(released * 1000.0 / decided) / 1000.0,
                    goldenKept,
                    goldenBreached,
                    clocksBreached);
        }
    }

    /** Funds frozen and released, in one currency (never summed across currencies). */
    record Funds(String currency, double frozen, double released) {}

    /** Days from detection to release, over the released cases. */
    record DaysFrozen(
            long released,
            @Nullable Double median,
            @Nullable Double p90) {}

    record Rejections(String code, long lines) {}

    record Analytics(
            Instant from,
            Instant to,
            @Nullable String tenantId,
            Figures total,
            DaysFrozen daysFrozen,
            Map<String, Figures> byPlatform,
            Map<String, Figures> byScenario,
            Map<String, Figures> byMonth,
            Map<String, DaysFrozen> daysFrozenByScenario,
            List<Funds> funds,
            List<Rejections> mostRejected) {}

    /**
     * The figures for the caller's cases (or staff's chosen tenant's, or every tenant's) opened in
     * {@code [from, to)}: a year up to now when neither is given; staff's read of another tenant's, or of
     * every tenant's, is audited.
     */
    Mono<Analytics> compute(@Nullable String tenantId, @Nullable Instant from, @Nullable Instant to);

    /** A UTC date {@code yyyy-MM-dd} between 1970 and 2100 (a query parameter), as its start instant; none when absent. */
    static @Nullable Instant day(@Nullable String value, String field) {
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
    static String csv(Analytics a) {
        StringBuilder out = new StringBuilder(
                "section,key,cases,decided,released,release_rate,golden_kept,golden_breached,clocks_breached,"
                        + "median_days,p90_days,frozen,released_amount,rejected_lines\r\n");
        row(out, "total", "all", a.total(), a.daysFrozen());
        a.byPlatform().forEach((key, f) -> row(out, "platform", key, f, null));
        a.byScenario()
                .forEach((key, f) ->
                        row(out, "scenario", key, f, a.daysFrozenByScenario().get(key)));
        a.byMonth().forEach((key, f) -> row(out, "month", key, f, null));
        a.funds()
                .forEach(f -> out.append("funds,")
                        .append(cell(f.currency()))
                        .append(",,,,,,,,,,")
                        .append(f.frozen())
                        .append(',')
                        .append(f.released())
                        .append(",\r\n"));
        a.mostRejected()
                .forEach(r -> out.append("rejected,")
                        .append(cell(r.code()))
                        .append(",,,,,,,,,,,,")
                        .append(r.lines())
                        .append("\r\n"));
        return out.toString();
    }

    private static void row(StringBuilder out, String section, String key, Figures f, @Nullable DaysFrozen days) {
        out.append(section)
                .append(',')
                .append(cell(key))
                .append(',')
                .append(f.cases())
                .append(',')
                .append(f.decided())
                .append(',')
                .append(f.released())
                .append(',')
                .append(f.releaseRate())
                .append(',')
                .append(f.goldenKept())
                .append(',')
                .append(f.goldenBreached())
                .append(',')
                .append(f.clocksBreached())
                .append(',')
                .append(days == null || days.median() == null ? "" : days.median())
                .append(',')
                .append(days == null || days.p90() == null ? "" : days.p90())
                .append(",,,\r\n");
    }

    /** A CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }

    // ------------------------------------------------------------------ per day

}

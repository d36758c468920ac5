package app.thaw.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The golden 15 minutes per day, from what this service stores: a case starts when the service
 * first heard of it (the earliest delivery about it, normally for {@code thaw.case.opened}), and
 * is met when its first delivery to the client (the {@code case_first_deliveries} record) came
 * within 15 minutes of that. Limits: days in UTC; a case is counted on the day it was first heard
 * of, so one first heard of before the window (and only written about since) counts as new; at
 * most {@value #MAX_DELIVERIES} deliveries are read ({@code truncated} then says so).
 */
public final class GoldenFifteenStatistics {

    public static final Duration GOLDEN = Duration.ofMinutes(15);
    public static final int MAX_DELIVERIES = 5_000;
    public static final int MAX_DAYS = 31;

    private GoldenFifteenStatistics() {}

    /** One UTC day: cases told within 15 minutes, told late (or not told after 15 minutes), still inside their 15 minutes. */
    public record Day(LocalDate date, int within, int late, int pending) {}

    public record Statistics(List<Day> days, int cases, boolean truncated) {}

    /** How many days a request for {@code days} covers: 1 to {@value #MAX_DAYS}. */
    public static int span(int days) {
        return Math.clamp(days, 1, MAX_DAYS);
    }

    /**
     * The statistics of {@code span} days from {@code first}, from when each case was first heard
     * of and when its client was first told (cases not told yet are absent from {@code told}).
     */
    public static Statistics count(
            LocalDate first,
            int span,
            Map<String, Instant> heardOf,
            Map<String, Instant> told,
            Instant now,
            boolean truncated) {
        int[][] counts = new int[span][3];
        heardOf.forEach((caseId, start) -> {
            int index = (int) (LocalDate.ofInstant(start, ZoneOffset.UTC).toEpochDay() - first.toEpochDay());
            if (index < 0 || index >= span) {
                return;
            }
            Instant deliveredAt = told.get(caseId);
            if (deliveredAt != null) {
                counts[index][Duration.between(start, deliveredAt).compareTo(GOLDEN) <= 0 ? 0 : 1]++;
            } else {
                counts[index][Duration.between(start, now).compareTo(GOLDEN) > 0 ? 1 : 2]++;
            }
        });
        List<Day> result = new ArrayList<>(span);
        for (int i = 0; i < span; i++) {
            result.add(new Day(first.plusDays(i), counts[i][0], counts[i][1], counts[i][2]));
        }
        return new Statistics(result, heardOf.size(), truncated);
    }
}

package app.thaw.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.thaw.notifications.delivery.internal.DeliveryStore;
import app.thaw.notifications.delivery.internal.FirstDeliveries;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The golden 15 minutes per day, from what this service stores: a case starts when the service
 * first heard of it (the earliest delivery about it, normally for {@code thaw.case.opened}), and
 * is met when its first delivery to the client (the {@code case_first_deliveries} record) came
 * within 15 minutes of that. Limits: days in UTC; a case is counted on the day it was first heard
 * of, so one first heard of before the window (and only written about since) counts as new; at
 * most {@value #MAX_DELIVERIES} deliveries are read ({@code truncated} then says so).
 */
@Service
public class GoldenFifteenStatistics {

    public static final Duration GOLDEN = Duration.ofMinutes(15);
    public static final int MAX_DELIVERIES = 5_000;
    public static final int MAX_DAYS = 31;

    private final DeliveryStore store;
    private final FirstDeliveries firsts;
    private final Clock clock;

    public GoldenFifteenStatistics(DeliveryStore store, FirstDeliveries firsts, Clock clock) {
        this.store = store;
        this.firsts = firsts;
        this.clock = clock;
    }

    /** One UTC day: cases told within 15 minutes, told late (or not told after 15 minutes), still inside their 15 minutes. */
    public record Day(LocalDate date, int within, int late, int pending) {
    }

    public record Statistics(List<Day> days, int cases, boolean truncated) {
    }

    public Mono<Statistics> lastDays(String tenantId, int days) {
        int span = Math.clamp(days, 1, MAX_DAYS);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(span - 1L);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        return store.aboutCasesSince(tenantId, since, MAX_DELIVERIES + 1).collectList().flatMap(deliveries -> {
            boolean truncated = deliveries.size() > MAX_DELIVERIES;
            Map<String, Instant> heardOf = new HashMap<>();
            deliveries.stream().limit(MAX_DELIVERIES).forEach(delivery -> {
                Instant created = delivery.getDate("createdAt").toInstant();
                heardOf.merge(delivery.getString("caseId"), created, (a, b) -> a.isBefore(b) ? a : b);
            });
            if (heardOf.isEmpty()) {
                return Mono.just(new Statistics(count(first, span, heardOf, Map.of(), now), 0, truncated));
            }
            return firsts.of(tenantId, heardOf.keySet()).collectMap(document -> document.getString("caseId"),
                            document -> document.getDate("deliveredAt").toInstant())
                    .map(told -> new Statistics(count(first, span, heardOf, told, now), heardOf.size(), truncated));
        });
    }

    private static List<Day> count(LocalDate first, int span, Map<String, Instant> heardOf, Map<String, Instant> told, Instant now) {
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
        return result;
    }

}

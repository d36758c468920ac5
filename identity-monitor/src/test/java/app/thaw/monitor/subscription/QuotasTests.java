package app.thaw.monitor.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The plan rules: monthly limits per metered item, refused past them, reset on the 1st at 00:00 UTC. */
class QuotasTests {

    static final Instant MID_DECEMBER = Instant.parse("2026-12-15T08:30:00Z");

    static Plan plan(Map<MeteredItem, Optional<Long>> quotas) {
        return new Plan("TEST", Map.of("en", "Test"), List.of(), quotas);
    }

    @Test
    void usageUpToTheLimitIsAllowedAndOneMoreIsRefusedNamingQuotaLimitAndReset() {
        Plan plan = plan(new EnumMap<>(Map.of(MeteredItem.SIGNALS, Optional.of(100L))));

        assertThat(Quotas.check(plan, MeteredItem.SIGNALS, 99, 1, MID_DECEMBER)).isEmpty();
        QuotaExceeded refused =
                Quotas.check(plan, MeteredItem.SIGNALS, 100, 1, MID_DECEMBER).orElseThrow();

        assertThat(refused.code()).isEqualTo("quota_exceeded");
        assertThat(refused.status().value()).isEqualTo(429);
        assertThat(refused.properties())
                .containsEntry("quota", "signals")
                .containsEntry("limit", 100L)
                .containsEntry("used", 100L)
                .containsEntry("resetsAt", "2027-01-01T00:00:00Z");
        assertThat(refused.retryAfter())
                .isEqualTo(Duration.between(MID_DECEMBER, Instant.parse("2027-01-01T00:00:00Z")));
    }

    @Test
    void aBatchThatWouldPassTheLimitIsRefusedWhole() {
        Plan plan = plan(new EnumMap<>(Map.of(MeteredItem.SIGNALS, Optional.of(100L))));

        assertThat(Quotas.check(plan, MeteredItem.SIGNALS, 90, 10, MID_DECEMBER))
                .isEmpty();
        assertThat(Quotas.check(plan, MeteredItem.SIGNALS, 90, 11, MID_DECEMBER))
                .isPresent();
    }

    @Test
    void theNextMonthStartsFromNothing() {
        assertThat(Quotas.resetsAt(YearMonth.of(2026, 12))).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(Quotas.resetsAt(YearMonth.of(2027, 2))).isEqualTo(Instant.parse("2027-03-01T00:00:00Z"));
    }

    @Test
    void anItemThePlanLeavesOutIsNotIncludedAndUnlimitedHasNoCeiling() {
        Plan plan = plan(new EnumMap<>(Map.of(MeteredItem.SCREENINGS, Optional.empty())));

        assertThat(plan.limit(MeteredItem.SMS)).contains(0L);
        assertThat(Quotas.check(plan, MeteredItem.SMS, 0, 1, MID_DECEMBER)).isPresent();
        assertThat(Quotas.check(plan, MeteredItem.SCREENINGS, 1_000_000_000L, 1, MID_DECEMBER))
                .isEmpty();
    }
}

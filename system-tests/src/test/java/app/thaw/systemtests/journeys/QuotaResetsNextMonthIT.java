package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.items;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.HttpStatus;

/**
 * Issue 20's "a quota reached gives its problem and the next month resets it", through the gateway
 * with real tokens: a merchant onboarded by API on the Monitor plan (5 webhook endpoints a month)
 * registers five, the sixth is 429 {@code quota_exceeded} naming quota, limit, use and reset; once
 * every service's clock has passed 00:00 UTC on the 1st, the sixth goes through and the month's use
 * starts again from it. Moves the services' clocks by up to a month: runs after the other journeys.
 */
@ExtendWith(ThawPlatform.class)
@Order(61)
class QuotaResetsNextMonthIT {

    @Test
    void aReachedQuotaIsRefusedWith429UntilTheNextMonthResetsIt(ThawPlatform platform) {
        ThawApi thaw = new ThawApi(platform);
        String admin = OnboardedTenantJourneyIT.onboardMerchant(thaw, "qm-", Map.of("plan", "MONITOR"));
        String tenant = admin.substring(0, admin.length() - "-admin".length());
        // The plan reaches notification-service as thaw.subscription.changed (ADR 62): wait until it enforces it.
        Awaitility.await("notification-service enforces the Monitor plan")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> thaw.internal("notification-service", "/internal/usage/{tenant}", tenant)
                                .get("plan"),
                        "MONITOR"::equals);

        for (int i = 1; i <= 5; i++) {
            ThawApi.ok(thaw.post(admin, webhook(i), "/api/v1/notifications/webhooks"));
        }
        Map<String, Object> refused = ThawApi.problem(
                thaw.post(admin, webhook(6), "/api/v1/notifications/webhooks"), HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused)
                .containsEntry("code", "quota_exceeded")
                .containsEntry("quota", "webhookEndpoints")
                .containsEntry("plan", "MONITOR");
        assertThat(((Number) refused.get("limit")).longValue()).isEqualTo(5);
        assertThat(((Number) refused.get("used")).longValue()).isEqualTo(5);
        Instant resetsAt = Instant.parse((String) refused.get("resetsAt"));
        Instant now = thaw.now();
        assertThat(resetsAt)
                .isAfter(now)
                .isEqualTo(java.time.YearMonth.from(now.atOffset(java.time.ZoneOffset.UTC))
                        .plusMonths(1)
                        .atDay(1)
                        .atStartOfDay()
                        .toInstant(java.time.ZoneOffset.UTC));
        assertThat(quota(thaw, admin, "webhookEndpoints"))
                .containsEntry("used", 5)
                .containsEntry("limit", 5);

        // A month later (every service's clock past the 1st, 00:00 UTC) the quota starts again.
        thaw.advanceTo(resetsAt.plusSeconds(60));
        ThawApi.ok(thaw.post(admin, webhook(6), "/api/v1/notifications/webhooks"));
        assertThat(quota(thaw, admin, "webhookEndpoints")).containsEntry("used", 1);
    }

    private static Map<String, Object> webhook(int i) {
        // Nothing listens there and the tenant has no event that would be sent: no delivery leaves the machine.
        return Map.of("url", "http://localhost:9/hooks/" + i, "eventTypes", List.of("thaw.case.*"));
    }

    private static Map<String, Object> quota(ThawApi thaw, String who, String item) {
        return items(ThawApi.ok(thaw.get(who, "/api/v1/subscription")), "quotas").stream()
                .filter(q -> item.equals(q.get("item")))
                .findFirst()
                .orElseThrow();
    }
}

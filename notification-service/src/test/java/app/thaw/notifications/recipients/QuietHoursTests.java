package app.thaw.notifications.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QuietHoursTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    Recipient withQuietHours(QuietHours quiet) {
        return new Recipient(
                RecipientId.random(),
                "t",
                RecipientKind.CLIENT,
                "n",
                null,
                Set.of(),
                "a@b.c",
                "+8613800000000",
                Set.of(Channel.EMAIL, Channel.SMS, Channel.IN_APP),
                Language.ZH_CN,
                SHANGHAI,
                quiet,
                0);
    }

    @Test
    void quietHoursAcrossMidnightHoldLateAndEarly() {
        assertThat(NIGHT.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(6, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(7, 0))).isFalse();
        assertThat(NIGHT.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).contains(LocalTime.NOON))
                .isFalse();
    }

    @Test
    void aNonUrgentSmsAt3InTheRecipientsZoneWaitsUntil7There() {
        Instant threeAmShanghai = Instant.parse("2026-03-01T19:00:00Z");
        assertThat(withQuietHours(NIGHT).deferredUntil(threeAmShanghai, Channel.SMS, false))
                .contains(Instant.parse("2026-03-01T23:00:00Z"));
    }

    @Test
    void anUrgentMessagePassesQuietHours() {
        assertThat(withQuietHours(NIGHT).deferredUntil(Instant.parse("2026-03-01T19:00:00Z"), Channel.SMS, true))
                .isEmpty();
    }

    @Test
    void inAppMessagesDoNotWaitBecauseTheyDoNotInterrupt() {
        assertThat(withQuietHours(NIGHT).deferredUntil(Instant.parse("2026-03-01T19:00:00Z"), Channel.IN_APP, false))
                .isEmpty();
    }

    @Test
    void quietHoursStartingTonightEndTomorrowMorning() {
        Instant elevenPmShanghai = Instant.parse("2026-03-01T15:00:00Z");
        assertThat(NIGHT.endingAfter(elevenPmShanghai, SHANGHAI)).contains(Instant.parse("2026-03-01T23:00:00Z"));
    }
}

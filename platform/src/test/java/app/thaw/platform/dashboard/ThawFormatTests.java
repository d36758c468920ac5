package app.thaw.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ThawFormatTests {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ThawFormat en = new ThawFormat(Locale.ENGLISH, CLOCK, ZoneId.of("Asia/Shanghai"));
    private final ThawFormat zh = new ThawFormat(Locale.SIMPLIFIED_CHINESE, CLOCK, ZoneId.of("Asia/Shanghai"));

    @Test
    void aTimeIsMinutesInTheNamedZoneWithNoOffsetOrNanoseconds() {
        Instant at = Instant.parse("2026-11-23T02:05:59.123456789Z");
        assertThat(en.time(at)).isEqualTo("2026-11-23 10:05");
        assertThat(zh.time(at, "Europe/Berlin")).isEqualTo("2026-11-23 03:05");
        assertThat(en.time(at, ZoneOffset.UTC)).isEqualTo("2026-11-23 02:05");
        assertThat(en.time(null)).isEmpty();
        assertThat(zh.moment("2026-11-23T02:05:59.123456789Z")).isEqualTo("2026-11-23 10:05");
        assertThat(zh.moment(java.util.Date.from(at))).isEqualTo("2026-11-23 10:05");
        assertThat(zh.moment("soon")).isEqualTo("soon");
    }

    @Test
    void aDeadlineAheadSaysHowLongIsLeftInHoursAndMinutes() {
        Instant due = NOW.plus(Duration.ofHours(2).plusMinutes(14).plusSeconds(59));
        assertThat(en.deadline(due)).isEqualTo("2 h 14 min left");
        assertThat(zh.deadline(due)).isEqualTo("剩余 2 小时 14 分");
    }

    @Test
    void aPassedDeadlineSaysHowLateWithTheSameUnits() {
        Instant due = NOW.minus(Duration.ofHours(2).plusMinutes(14));
        assertThat(en.deadline(due)).isEqualTo("overdue 2 h 14 min");
        assertThat(zh.deadline(due)).isEqualTo("已超时 2 小时 14 分");
    }

    @Test
    void longSpansAreDaysAndHoursShortOnesMinutesOrSeconds() {
        assertThat(en.span(Duration.ofHours(167).plusMinutes(55))).isEqualTo("6 d 23 h");
        assertThat(zh.span(Duration.ofHours(167).plusMinutes(55))).isEqualTo("6 天 23 小时");
        assertThat(en.span(Duration.ofMinutes(14).plusSeconds(3))).isEqualTo("14 min");
        assertThat(zh.span(Duration.ofSeconds(40))).isEqualTo("40 秒");
        assertThat(en.deadline(Duration.ofSeconds(40))).isEqualTo("40 s left");
    }

    @Test
    void theCountdownTemplatesAreTheDeadlinesWords() {
        assertThat(en.leftTemplate().replace("{0}", "2 h 14 min")).isEqualTo(en.deadline(Duration.ofMinutes(134)));
        assertThat(zh.overdueTemplate().replace("{0}", "2 小时 14 分")).isEqualTo(zh.deadline(Duration.ofMinutes(-134)));
    }

    @Test
    void moneyIsGroupedToTheCurrencysDecimalsAfterTheCurrency() {
        assertThat(en.money("58200", "CNY")).isEqualTo("CNY 58,200.00");
        assertThat(zh.money("58200.5", "CNY")).isEqualTo("人民币 58,200.50");
        assertThat(en.money("1200", "JPY")).isEqualTo("JPY 1,200");
        assertThat(zh.money("1234567.891", "USD")).isEqualTo("美元 1,234,567.89");
        assertThat(en.money("12.5", "XXQ")).isEqualTo("XXQ 12.5");
        assertThat(en.money(null, "CNY")).isEmpty();
    }
}

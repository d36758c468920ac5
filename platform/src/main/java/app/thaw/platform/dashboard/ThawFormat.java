package app.thaw.platform.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The one way every dashboard writes times, deadlines and money (issue 23), in English and Chinese:
 * a time is {@code yyyy-MM-dd HH:mm} in a named zone (the tenant's where the page knows it);
 * a deadline is relative — "2 h 14 min left", "overdue 2 h 14 min", "剩余 2 小时 14 分",
 * "已超时 2 小时 14 分" — the same words {@code thaw.js} keeps counting with; money is the amount
 * grouped to its currency's decimals after the currency ("CNY 58,200.00", "人民币 58,200.00").
 * Plain Java, no I/O: safe on an event loop. Templates get one per request as {@code format}.
 */
public final class ThawFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final boolean zh;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param locale the page's language (Chinese for any {@code zh}, else English)
     * @param clock  the clock deadlines are counted from
     * @param zone   the zone a time is shown in when the page names none
     */
    public ThawFormat(Locale locale, Clock clock, ZoneId zone) {
        this.zh = "zh".equals(locale.getLanguage());
        this.clock = clock;
        this.zone = zone;
    }

    /** The zone times are shown in when a page names none. */
    public String zone() {
        return zone.getId();
    }

    /** {@code yyyy-MM-dd HH:mm} in the default zone; empty for no time. */
    public String time(@Nullable Instant instant) {
        return time(instant, zone);
    }

    /** {@code yyyy-MM-dd HH:mm} in {@code zone}; empty for no time. */
    public String time(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    /**
     * {@code yyyy-MM-dd HH:mm} in the default zone of whatever a page holds as a moment: an
     * {@link Instant}, a {@link java.util.Date}, or an ISO-8601 instant as text (kept as given when
     * it is none); empty for nothing.
     */
    public String moment(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case Instant instant -> time(instant);
            case java.util.Date date -> time(date.toInstant());
            default -> {
                try {
                    yield time(Instant.parse(value.toString()));
                } catch (java.time.format.DateTimeParseException notAnInstant) {
                    yield value.toString();
                }
            }
        };
    }

    /** {@code yyyy-MM-dd HH:mm} in {@code zone}: the one pattern, for code that has no page's format at hand. */
    public static String at(Instant instant, ZoneId zone) {
        return MINUTES.format(instant.atZone(zone));
    }

    /** {@code yyyy-MM-dd HH:mm} in the zone with that id (e.g. a tenant's {@code Asia/Shanghai}). */
    public String time(@Nullable Instant instant, String zoneId) {
        return time(instant, ZoneId.of(zoneId));
    }

    /** How long until {@code due}, or how late: "2 h 14 min left", "overdue 2 h 14 min" (Chinese: "剩余 …", "已超时 …"). */
    public String deadline(@Nullable Instant due) {
        return due == null ? "" : deadline(Duration.between(clock.instant(), due));
    }

    /** A deadline {@code left} away (negative: that late). */
    public String deadline(Duration left) {
        String span = span(left.abs());
        if (left.isNegative()) {
            return zh ? "已超时 " + span : "overdue " + span;
        }
        return zh ? "剩余 " + span : span + " left";
    }

    /** The template of a time left, {@code {0}} the span: what {@code thaw.js} fills every second. */
    public String leftTemplate() {
        return zh ? "剩余 {0}" : "{0} left";
    }

    /** The template of a time overdue. */
    public String overdueTemplate() {
        return zh ? "已超时 {0}" : "overdue {0}";
    }

    /**
     * A span in its two largest units: "3 d 4 h", "2 h 14 min", "14 min", "40 s"
     * ("3 天 4 小时", "2 小时 14 分", "14 分", "40 秒"). Seconds only under a minute.
     */
    public String span(Duration span) {
        long seconds = Math.abs(span.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        if (days > 0) {
            return zh ? days + " 天 " + hours + " 小时" : days + " d " + hours + " h";
        }
        if (hours > 0) {
            return zh ? hours + " 小时 " + minutes + " 分" : hours + " h " + minutes + " min";
        }
        if (minutes > 0) {
            return zh ? minutes + " 分" : minutes + " min";
        }
        return zh ? seconds + " 秒" : seconds + " s";
    }

    /**
     * An amount of money: grouped, to the currency's decimals, after the currency — its ISO code in
     * English ("CNY 58,200.00"), its Chinese name in Chinese ("人民币 58,200.00"); an unknown
     * currency code is shown as given. Empty for no amount.
     */
    public String money(@Nullable String amount, @Nullable String currency) {
        if (amount == null || amount.isBlank()) {
            return "";
        }
        String code = currency == null ? "" : currency.strip();
        Currency known = null;
        try {
            known = code.isEmpty() ? null : Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            // shown as given
        }
        String number;
        try {
            BigDecimal value = new BigDecimal(amount.strip());
            int digits = known == null || known.getDefaultFractionDigits() < 0
                    ? Math.max(value.scale(), 0)
                    : known.getDefaultFractionDigits();
            DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
            grouped.setMinimumFractionDigits(digits);
            grouped.setMaximumFractionDigits(digits);
            number = grouped.format(value.setScale(digits, RoundingMode.HALF_EVEN));
        } catch (NumberFormatException notANumber) {
            number = amount.strip();
        }
        String name = known != null && zh ? known.getDisplayName(Locale.SIMPLIFIED_CHINESE) : code;
        return name.isEmpty() ? number : name + " " + number;
    }

    /**
     * An amount as a letter, script or message to a person writes it: grouped, to the currency's
     * decimals, "¥1,250,000.00" for yuan in Chinese, else the ISO code before it ("USD 48,000.00",
     * "CNY 1,250,000.00") — never "48000.0 USD". Null when the amount or the currency cannot be read.
     *
     * @param zh whether the text is Chinese
     */
    public static @Nullable String moneyText(@Nullable String amount, @Nullable String currencyCode, boolean zh) {
        if (amount == null || currencyCode == null) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(currencyCode.strip().toUpperCase(Locale.ROOT));
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            BigDecimal value = new BigDecimal(amount.strip()).setScale(digits, RoundingMode.HALF_UP);
            DecimalFormat format = new DecimalFormat(
                    digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                    DecimalFormatSymbols.getInstance(Locale.ROOT));
            String number = format.format(value);
            return zh && currency.getCurrencyCode().equals("CNY")
                    ? "¥" + number
                    : currency.getCurrencyCode() + " " + number;
        } catch (IllegalArgumentException notMoney) {
            return null;
        }
    }
}

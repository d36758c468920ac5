package app.thaw.notifications.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import app.thaw.notifications.recipients.Language;
import org.jspecify.annotations.Nullable;

/**
 * Makes an event's data readable for one recipient: instants ({@code dueAt}, {@code openedAt}…) in the
 * recipient's zone and language ("2025年10月11日 10:00（Asia/Shanghai）", "11 Oct 2025, 10:00 (Asia/Shanghai)"),
 * the raw value kept as {@code <key>Iso}; amounts ({@code {amount, currency}}) with a {@code text} formatted for
 * the language ("¥1,250,000.00", "USD 48,000.00"). Pure: safe on any thread.
 */
public final class MessageFacts {

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private MessageFacts() {
    }

    /** {@code model} with its instants and amounts made readable, recursively through maps. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readable(Map<String, Object> model, Language language, ZoneId zone) {
        Map<String, Object> out = new HashMap<>(model);
        model.forEach((key, value) -> {
            if (value instanceof String text && key.endsWith("At")) {
                String human = when(text, language, zone);
                if (human != null) {
                    out.put(key, human);
                    out.put(key + "Iso", text);
                }
            } else if (value instanceof Map<?, ?> map) {
                Map<String, Object> inner = readable((Map<String, Object>) map, language, zone);
                if (inner.get("amount") != null && inner.get("currency") instanceof String currency) {
                    String money = money(String.valueOf(inner.get("amount")), currency, language);
                    if (money != null) {
                        inner.put("text", money);
                    }
                }
                out.put(key, inner);
            }
        });
        if (out.get("amount") != null && out.get("currency") instanceof String currency) {
            String money = money(String.valueOf(out.get("amount")), currency, language);
            if (money != null) {
                out.put("amountText", money);
            }
        }
        return out;
    }

    /** An ISO instant in the recipient's zone and language; null if it is not one. */
    static @Nullable String when(String iso, Language language, ZoneId zone) {
        try {
            Instant at = Instant.parse(iso);
            boolean zh = language.tag().startsWith("zh");
            return (zh ? ZH : EN).format(at.atZone(zone)) + (zh ? "（" + zone.getId() + "）" : " (" + zone.getId() + ")");
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    /** "¥1,250,000.00" (CNY in Chinese), "USD 48,000.00" (otherwise: code, grouping, the currency's decimals). */
    static @Nullable String money(String amount, String currencyCode, Language language) {
        try {
            Currency currency = Currency.getInstance(currencyCode);
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            BigDecimal value = new BigDecimal(amount).setScale(digits, RoundingMode.HALF_UP);
            DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.ROOT));
            String number = format.format(value);
            boolean zh = language.tag().startsWith("zh");
            return zh && currency.getCurrencyCode().equals("CNY") ? "¥" + number : currency.getCurrencyCode() + " " + number;
        } catch (IllegalArgumentException notMoney) {
            return null;
        }
    }
}

package app.thaw.notifications.templates;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import app.thaw.notifications.recipients.Language;
import org.jspecify.annotations.Nullable;

/**
 * Makes an event's data readable for one recipient: codes (scenario, status, clock, requirement,
 * rejection reason…) as words in the recipient's language under {@code <key>Text} (the code
 * itself stays for templates that branch on it); instants ({@code dueAt}, {@code openedAt}…) in the
 * recipient's zone and language ("2025年10月11日 10:00（Asia/Shanghai）", "11 Oct 2025, 10:00 (Asia/Shanghai)";
 * also {@code acknowledgeBy} and any other {@code …By} that holds an instant),
 * the raw value kept as {@code <key>Iso}; amounts ({@code {amount, currency}}) with a {@code text} formatted for
 * the language ("¥1,250,000.00", "USD 48,000.00"). Pure: safe on any thread.
 */
final class MessageFacts {

    private static final DateTimeFormatter ZH =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** Which label group names the code under each data key (notifications/codes*.properties). */
    private static final Map<String, String> LABELLED = Map.ofEntries(
            Map.entry("scenario", "scenario"),
            Map.entry("previousScenario", "scenario"),
            Map.entry("scope", "scope"),
            Map.entry("from", "status"),
            Map.entry("to", "status"),
            Map.entry("clock", "clock"),
            Map.entry("reasonCode", "reasonCode"),
            Map.entry("requirementCode", "requirement"),
            Map.entry("items", "requirement"),
            Map.entry("outcome", "outcome"),
            Map.entry("level", "level"),
            Map.entry("severity", "severity"),
            Map.entry("kind", "kind"),
            Map.entry("disabledReason", "disabledReason"));

    /** A {@code {fact}} in a label: filled with that fact of the same event ("for {days} days"). */
    private static final java.util.regex.Pattern FACT = java.util.regex.Pattern.compile("\\{([A-Za-z]+)}");

    private static final java.util.Properties EN_LABELS = labels("notifications/codes.properties");
    private static final java.util.Properties ZH_LABELS = labels("notifications/codes_zh.properties");

    private MessageFacts() {}

    private static java.util.Properties labels(String resource) {
        java.util.Properties labels = new java.util.Properties();
        try (var in = MessageFacts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return labels;
    }

    /** The code's words in the language, or the code itself when it has none. */
    static String label(String group, String code, Language language) {
        java.util.Properties labels = language.tag().startsWith("zh") ? ZH_LABELS : EN_LABELS;
        return labels.getProperty(group + "." + code, EN_LABELS.getProperty(group + "." + code, code));
    }

    /** {@code label} with each {@code {fact}} it names replaced by that fact of {@code model} (left as is when absent). */
    static String filled(String label, Map<String, Object> model) {
        return FACT.matcher(label)
                .replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                        model.get(match.group(1)) instanceof Object fact ? String.valueOf(fact) : match.group()));
    }

    /** {@code model} with its instants and amounts made readable, recursively through maps. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readable(Map<String, Object> model, Language language, ZoneId zone) {
        Map<String, Object> out = new HashMap<>(model);
        model.forEach((key, value) -> {
            String group = LABELLED.get(key);
            if (group != null && value instanceof String code) {
                out.put(key + "Text", filled(label(group, code, language), model));
            } else if (group != null && value instanceof java.util.List<?> codes) {
                out.put(
                        key + "Text",
                        String.join(
                                language.tag().startsWith("zh") ? "、" : ", ",
                                codes.stream()
                                        .map(code -> label(group, String.valueOf(code), language))
                                        .toList()));
            }
            // "…At" and "…By" (acknowledgeBy) name moments; a "…By" that is not an instant (verifiedBy: a person) stays
            // as it is.
            if (value instanceof String text && (key.endsWith("At") || key.endsWith("By"))) {
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
        if (out.get("reference") == null && out.get("caseId") != null) {
            // A case is named by its reference; an event that does not carry one (evidence-service's,
            // or a producer's from before it sent one) names it by its id rather than by nothing.
            out.put("reference", out.get("caseId"));
        }
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

    /** "¥1,250,000.00" (CNY in Chinese), "USD 48,000.00" (otherwise: code, grouping, the currency's decimals): the platform's {@code ThawFormat.moneyText}. */
    static @Nullable String money(String amount, String currencyCode, Language language) {
        return app.thaw.platform.dashboard.ThawFormat.moneyText(
                amount, currencyCode, language.tag().startsWith("zh"));
    }
}

package app.thaw.cases.playbook;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import app.thaw.cases.incident.ContactEntry;
import app.thaw.cases.incident.FreezeScope;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.MaterialsGrade;
import com.samskivert.mustache.Mustache;

/**
 * Fills a playbook's communication scripts with a case's facts (Mustache: logic-less, so a
 * tenant's edited template cannot run code). {@code amountText} is the frozen amount written for the
 * script's language ("¥1,250,000.00", "USD 48,000.00"); {@code amount} and {@code currency} stay as stored. On a restricted case, every message meant for the
 * holder is the fixed notice, whatever its script says.
 */
public final class ScriptRenderer {

    /** Scripts addressed to the holder rather than to the freezing platform. */
    public static final java.util.Set<String> HOLDER_FACING = java.util.Set.of("holderUpdate");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Mustache.Compiler compiler =
            Mustache.compiler().escapeHTML(false).defaultValue("—");
    private final Map<String, String> restrictedNotice;

    public ScriptRenderer(Map<String, String> restrictedNotice) {
        this.restrictedNotice = restrictedNotice;
    }

    /** Every script of {@code scripts} in {@code lang} ("zh" or "en"), rendered for {@code aCase}. */
    public Map<String, String> render(
            IncidentCase aCase, Map<String, Map<String, String>> scripts, String lang, ZoneId zone) {
        Map<String, Object> facts = facts(aCase, zone);
        String amountText = amountText(aCase, lang.startsWith("zh"));
        if (amountText != null) {
            facts.put("amountText", amountText);
        }
        Map<String, String> rendered = new LinkedHashMap<>();
        scripts.forEach((name, byLang) -> {
            if (aCase.restricted() && HOLDER_FACING.contains(name)) {
                rendered.put(name, restrictedNotice.get(lang));
                return;
            }
            if (aCase.materialsGrade() == MaterialsGrade.SUBSTANTIVE_DISCREPANCY && HOLDER_FACING.contains(name)) {
                // docs/domain.md §2: a substantive discrepancy stops all outgoing communication until staff have
                // reviewed it.
                return;
            }
            String template = byLang.getOrDefault(lang, byLang.getOrDefault("en", ""));
            rendered.put(name, compiler.compile(template).execute(facts));
        });
        return rendered;
    }

    /** The case's frozen amount as a person writes it in the language ("¥1,250,000.00", "USD 48,000.00"); null for none. */
    public static @org.jspecify.annotations.Nullable String amountText(IncidentCase aCase, boolean zh) {
        return aCase.frozenAmount() == null
                ? null
                : app.thaw.platform.dashboard.ThawFormat.moneyText(
                        aCase.frozenAmount().amount(), aCase.frozenAmount().currency(), zh);
    }

    public static Map<String, Object> facts(IncidentCase aCase, ZoneId zone) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("holderName", aCase.holder().displayName());
        facts.put("accountReference", aCase.holder().accountReference());
        facts.put("platform", aCase.platform());
        facts.put("reference", aCase.reference());
        facts.put("detectedAt", WHEN.format(aCase.detectedAt().atZone(zone)));
        facts.put("openedAt", WHEN.format(aCase.openedAt().atZone(zone)));
        facts.put("scope", aCase.scope().name());
        facts.put("scopeZh", scopeZh(aCase.scope()));
        facts.put("scopeEn", scopeEn(aCase.scope()));
        String text = aCase.notice().text();
        facts.put("noticeExcerpt", text.length() > 200 ? text.substring(0, 200) + "…" : text);
        if (aCase.notice().reference() != null) {
            facts.put("noticeReference", aCase.notice().reference());
        }
        if (aCase.frozenAmount() != null) {
            facts.put("amount", aCase.frozenAmount().amount());
            facts.put("currency", aCase.frozenAmount().currency());
        }
        String reasonZh = aCase.checklist().stream()
                .map(item -> item.reasonZh())
                .distinct()
                .reduce((a, b) -> a + "；" + b)
                .orElse("待平台说明");
        String reasonEn = aCase.checklist().stream()
                .map(item -> item.reasonEn())
                .distinct()
                .reduce((a, b) -> a + "; " + b)
                .orElse("to be stated by the platform");
        facts.put("reasonZh", reasonZh);
        facts.put("reasonEn", reasonEn);
        if (!aCase.contacts().isEmpty()) {
            ContactEntry last = aCase.contacts().getLast();
            facts.put("lastContactAt", WHEN.format(last.at().atZone(zone)));
            if (last.ticketNumber() != null) {
                facts.put("ticketNumber", last.ticketNumber());
            }
            if (last.nextStep() != null) {
                facts.put("nextStep", last.nextStep());
            }
            if (last.promisedReplyAt() != null) {
                facts.put("promisedReplyAt", WHEN.format(last.promisedReplyAt().atZone(zone)));
            }
            if (last.agent() != null) {
                facts.put("agent", last.agent());
            }
        }
        return facts;
    }

    private static String scopeEn(FreezeScope scope) {
        return switch (scope) {
            case TRANSACTION -> "the transactions concerned were frozen";
            case FUNCTION -> "some of the account's functions were limited";
            case ACCOUNT -> "the whole account was frozen";
            case NOT_APPLICABLE, UNKNOWN -> "the account was frozen";
        };
    }

    private static String scopeZh(FreezeScope scope) {
        return switch (scope) {
            case TRANSACTION -> "冻结相关交易";
            case FUNCTION -> "限制部分功能";
            case ACCOUNT -> "冻结整个账户";
            case NOT_APPLICABLE, UNKNOWN -> "冻结";
        };
    }
}

package app.thaw.cases.playbook;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.thaw.cases.playbook.DefaultPlaybooks.ContactRule;
import org.jspecify.annotations.Nullable;

/**
 * The one reading of a playbook step against its scenario's rule of whom to contact
 * ({@link ContactRule}): a step of a scenario whose case contacts the authority, or nobody
 * outside, must not send staff to the freezing platform's support. Thaw's shipped playbooks and
 * every version a tenant writes are read by it (a tenant's contradicting step is refused).
 */
public final class ContactRules {

    /** Words that send someone to the freezing platform's support (English compared in lower case). */
    public static final List<String> PLATFORM_SUPPORT = List.of(
            "official support",
            "platform's support",
            "platform support",
            "human support",
            "customer service",
            "customer support",
            "官方客服",
            "平台客服",
            "转人工",
            "客服");

    private ContactRules() {}

    /** A step's words that contradict {@code rule} ({@code field} "title" or "special", the phrase), or null when none does. */
    public static @Nullable Contradiction contradiction(ContactRule rule, Playbook.Step step) {
        if (rule == ContactRule.PLATFORM) {
            return null;
        }
        Contradiction inTitle = contradiction(step.title(), "title");
        return inTitle != null ? inTitle : contradiction(step.special(), "special");
    }

    private static @Nullable Contradiction contradiction(Map<String, String> byLanguage, String field) {
        for (String text : byLanguage.values()) {
            String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
            for (String phrase : PLATFORM_SUPPORT) {
                if (lower.contains(phrase)) {
                    return new Contradiction(field, phrase);
                }
            }
        }
        return null;
    }

    /** Why a step contradicts its rule, in words a tenant admin can act on. */
    public static String why(ContactRule rule, String phrase) {
        String whom = rule == ContactRule.AUTHORITY
                ? "contacts the court or police that ordered the freeze (the platform cannot lift it)"
                : "contacts nobody outside (legal and compliance own every contact)";
        return "sends staff to the platform's support ('" + phrase + "'), but a case of this scenario " + whom;
    }

    public record Contradiction(String field, String phrase) {}
}

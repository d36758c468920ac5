package app.thaw.notifications.rules;

import static app.thaw.notifications.recipients.Channel.EMAIL;
import static app.thaw.notifications.recipients.Channel.IN_APP;
import static app.thaw.notifications.recipients.Channel.SMS;
import static app.thaw.notifications.recipients.Channel.WEBHOOK;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules every tenant starts with: one per event the domain names (docs/events.md) plus this
 * service's own reminders. A case opening is urgent: the client must hear within the golden 15
 * minutes, at 03:00 too. Clock bookkeeping ({@code clock_set}, {@code clock_met}…) notifies no one
 * directly: it drives reminders.
 */
public final class DefaultRules {

    public static final String REMINDER_DUE = "thaw.reminder.due";
    public static final String REMINDER_ESCALATED = "thaw.reminder.escalated";
    public static final String WEBHOOK_DISABLED = "thaw.webhook.endpoint_disabled";

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        Target clientAll = new Target(Audience.CLIENT, Set.of(EMAIL, SMS, IN_APP, WEBHOOK));
        Target clientQuiet = new Target(Audience.CLIENT, Set.of(EMAIL, IN_APP, WEBHOOK));
        Target clientInApp = new Target(Audience.CLIENT, Set.of(IN_APP, WEBHOOK));
        Target staffInApp = new Target(Audience.STAFF, Set.of(IN_APP));
        Target owner = new Target(Audience.OWNER, Set.of(IN_APP, EMAIL));
        Target supervisor = new Target(Audience.SUPERVISOR, Set.of(IN_APP, EMAIL, SMS));
        add(Rule.byDefault("thaw.case.opened", true, clientAll, staffInApp));
        add(Rule.byDefault("thaw.case.triaged", false, clientQuiet));
        add(Rule.byDefault("thaw.case.status_changed", false, clientQuiet));
        add(Rule.byDefault("thaw.case.supplement_requested", true, clientAll));
        add(Rule.byDefault("thaw.case.clock_breached", true, owner, supervisor));
        add(Rule.byDefault("thaw.case.task_due", false, owner));
        add(Rule.byDefault("thaw.case.escalation_flagged", true, supervisor));
        add(Rule.byDefault("thaw.case.closed", false, clientQuiet));
        add(Rule.byDefault("thaw.evidence.received", false, clientInApp));
        add(Rule.byDefault("thaw.evidence.verified", false, clientInApp));
        add(Rule.byDefault("thaw.evidence.rejected", false, clientQuiet));
        add(Rule.byDefault("thaw.alert.raised", true, clientAll, staffInApp));
        add(Rule.byDefault(REMINDER_DUE, false, owner));
        add(Rule.byDefault(REMINDER_ESCALATED, true, supervisor));
        add(Rule.byDefault(
                WEBHOOK_DISABLED,
                false,
                new Target(Audience.CLIENT, Set.of(EMAIL, IN_APP)),
                new Target(Audience.STAFF, Set.of(IN_APP))));
    }

    private DefaultRules() {}

    private static void add(Rule rule) {
        RULES.put(rule.eventType(), rule);
    }

    public static Optional<Rule> forType(String eventType) {
        return Optional.ofNullable(RULES.get(eventType));
    }

    public static List<Rule> all() {
        return List.copyOf(RULES.values());
    }

    public static boolean isKnown(String eventType) {
        return RULES.containsKey(eventType);
    }
}

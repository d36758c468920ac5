package app.thaw.notifications.rules;

import java.util.List;

/**
 * Which audiences an event type notifies, on which channels, and whether it is urgent (urgent
 * messages pass quiet hours). {@code custom} tells a tenant's own rule from the default.
 */
public record Rule(
        String eventType, List<Target> targets, boolean urgent, boolean enabled, boolean custom, long version) {

    public Rule {
        targets = List.copyOf(targets);
    }

    static Rule byDefault(String eventType, boolean urgent, Target... targets) {
        return new Rule(eventType, List.of(targets), urgent, true, false, 0);
    }
}

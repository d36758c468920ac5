package app.thaw.notifications.delivery;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Something to tell people about: an event from another service, a reminder falling due, an
 * endpoint disabled. The rules for {@code eventType} say who hears of it and how.
 *
 * @param eventId     deduplicates deliveries: one per recipient and channel for this id, ever
 * @param caseId      the case it concerns, if any (a first delivery to the client closes the golden 15 minutes)
 * @param restricted  a COMPLIANCE_HOLD case: the client hears only the fixed notice
 * @param urgent      passes quiet hours even when the rule is not urgent (e.g. an urgent clock's reminder)
 * @param data        the template model and the webhook payload's {@code data}
 * @param sequence    the announced event's place among its subject's events (docs/events.md), passed
 *                    on in webhooks so partners can order them; null for what no event numbered
 */
public record Notification(
        String eventId,
        String tenantId,
        String eventType,
        @Nullable String caseId,
        boolean restricted,
        boolean urgent,
        Map<String, Object> data,
        @Nullable String traceparent,
        @Nullable Long sequence) {

    public Notification {
        data = Map.copyOf(data);
    }

    public Notification(
            String eventId,
            String tenantId,
            String eventType,
            @Nullable String caseId,
            boolean restricted,
            boolean urgent,
            Map<String, Object> data,
            @Nullable String traceparent) {
        this(eventId, tenantId, eventType, caseId, restricted, urgent, data, traceparent, null);
    }

    /** The same notification told in {@code tenantId} (a partner bank hearing of its linked merchant's case). */
    public Notification inTenant(String tenantId) {
        return new Notification(eventId, tenantId, eventType, caseId, restricted, urgent, data, traceparent, sequence);
    }
}

package app.thaw.notifications.delivery;

import java.util.Map;

import app.thaw.notifications.templates.TemplateFacts;
import org.jspecify.annotations.Nullable;

/**
 * Something to tell people about: an event from another service, a reminder falling due, an
 * endpoint disabled. The rules for {@code eventType} say who hears of it and how.
 *
 * @param eventId     deduplicates deliveries: one per recipient and channel for this id, ever
 * @param caseId      the case it concerns, if any (a first delivery to the client closes the golden 15 minutes)
 * @param reference   the case's human number as this service knows it, for facts that do not carry it
 * @param restricted  a COMPLIANCE_HOLD case: the client hears only the fixed notice
 * @param urgent      passes quiet hours even when the rule is not urgent (e.g. an urgent clock's reminder)
 * @param facts       what the message is made of: the template model and the webhook payload's {@code data}
 * @param sequence    the announced event's place among its subject's events (docs/events.md), passed
 *                    on in webhooks so partners can order them; null for what no event numbered
 * @param owner       the staff member or role the rules' {@code OWNER} audience means: a reminder's
 *                    or a breached clock's owner, a due task's role; null when it names none
 */
public record Notification(
        String eventId,
        String tenantId,
        String eventType,
        @Nullable String caseId,
        @Nullable String reference,
        boolean restricted,
        boolean urgent,
        TemplateFacts facts,
        @Nullable String traceparent,
        @Nullable Long sequence,
        @Nullable Owner owner) {

    /**
     * Who owns what a notification is about, among the tenant's staff.
     *
     * @param userId the person (a case's assignee): when present, that person alone
     * @param role   else everyone holding this role
     */
    public record Owner(@Nullable String userId, @Nullable String role) {

        /** The owner named by {@code userId} or, failing that, {@code role}; null when neither is given. */
        public static @Nullable Owner of(@Nullable String userId, @Nullable String role) {
            return userId == null && role == null ? null : new Owner(userId, role);
        }
    }

    public Notification(
            String eventId,
            String tenantId,
            String eventType,
            @Nullable String caseId,
            boolean restricted,
            boolean urgent,
            TemplateFacts facts,
            @Nullable String traceparent) {
        this(eventId, tenantId, eventType, caseId, null, restricted, urgent, facts, traceparent, null, null);
    }

    /**
     * The facts as the webhook payload's {@code data}: the facts' own members, with the case's
     * reference filled in where they lack it (or carry a blank one).
     */
    public Map<String, Object> model() {
        return facts.model(reference);
    }

    /** The same notification told in {@code tenantId} (a partner bank hearing of its linked merchant's case). */
    public Notification inTenant(String tenantId) {
        return new Notification(
                eventId,
                tenantId,
                eventType,
                caseId,
                reference,
                restricted,
                urgent,
                facts,
                traceparent,
                sequence,
                owner);
    }
}

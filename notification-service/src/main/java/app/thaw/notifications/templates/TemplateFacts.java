package app.thaw.notifications.templates;

import java.util.HashMap;
import java.util.Map;

import app.thaw.platform.events.EventData;
import org.jspecify.annotations.Nullable;

/**
 * What a message is made of: a record whose components are the facts a template may name
 * ({@code {{reference}}}, {@code {{holder.displayName}}}) and a webhook passes on as its
 * {@code data}. Each notified event has its own record (notification-service's
 * {@code events.ConsumedEvents}); reminders and a disabled endpoint have theirs. The few facts
 * delivery itself reads have typed accessors here; a record that has a component of the same name
 * answers them, any other answers null.
 */
public interface TemplateFacts {

    /** The case it concerns, when it names one. */
    default @Nullable String caseId() {
        return null;
    }

    /** The case's human number, when the facts carry it. */
    default @Nullable String reference() {
        return null;
    }

    /** The case's scenario code, which a template may branch on ({@code {{#is.ACCOUNT_TAKEOVER}}}). */
    default @Nullable String scenario() {
        return null;
    }

    /** True for a COMPLIANCE_HOLD case: its holder hears only the fixed notice. */
    default @Nullable Boolean restricted() {
        return null;
    }

    /** True when it happened in a drill: each message says so. */
    default @Nullable Boolean drill() {
        return null;
    }

    /** The staff member the rules' {@code OWNER} audience means, when the facts name one. */
    default @Nullable String ownerUserId() {
        return null;
    }

    /** Else the role the rules' {@code OWNER} audience means, when the facts name one. */
    default @Nullable String ownerRole() {
        return null;
    }

    /** The holder's name, which a message to the tenant's inbox greets instead of the inbox. */
    default @Nullable String holderName() {
        return null;
    }

    /**
     * The facts as a template's model and a webhook's {@code data}: every component present, by its
     * JSON name (instants as ISO-8601 text), absent ones left out. The one place they become a map.
     */
    default Map<String, Object> model() {
        return EventData.toJson(this);
    }

    /**
     * {@link #model()}, with the case's reference as this service knows it ({@code knownReference})
     * filled in where the facts lack one or carry a blank one.
     */
    default Map<String, Object> model(@Nullable String knownReference) {
        Map<String, Object> model = new HashMap<>(model());
        if (knownReference != null && !(model.get("reference") instanceof String own && !own.isBlank())) {
            model.put("reference", knownReference);
        }
        return model;
    }
}

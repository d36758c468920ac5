package app.thaw.notifications.templates;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One recipient's message before it is rendered: the facts it tells (the notified event's own record,
 * a reminder's, a disabled endpoint's) and who reads it. The template's model is made from it here
 * and nowhere else ({@link #model()}): above the template engine a message is typed.
 *
 * @param key           the template: event type, channel, and the reader's language
 * @param facts         what the message tells
 * @param caseId        the case as this service knows it, for facts that do not name it
 * @param reference     the case's reference as this service knows it, for facts that lack one
 * @param recipientName whom the message greets
 * @param zone          the reader's time zone: the message's times read in it
 * @param urgent        an urgent message ({@code {{#urgent}}})
 */
public record Message(
        TemplateKey key,
        TemplateFacts facts,
        @Nullable String caseId,
        @Nullable String reference,
        String recipientName,
        ZoneId zone,
        boolean urgent) {

    /**
     * The template's model: the facts made readable for the reader ({@link MessageFacts}: codes as
     * words, times in the reader's zone and language, money as people write it), and the names every
     * template may use besides: {@code recipientName}, {@code eventType}, {@code urgent}, {@code caseId}
     * and {@code is.<scenario>}.
     */
    public Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>(MessageFacts.readable(facts.model(reference), key.language(), zone));
        model.put("recipientName", recipientName);
        model.put("eventType", key.eventType());
        model.put("urgent", urgent);
        String scenario = facts.scenario();
        if (scenario != null) {
            // Mustache has no equality test: a template speaks to one scenario with
            // {{#is.ACCOUNT_TAKEOVER}}…{{/is.ACCOUNT_TAKEOVER}}.
            model.put("is", Map.of(scenario, true));
        }
        if (caseId != null) {
            model.putIfAbsent("caseId", caseId);
        }
        return model;
    }
}

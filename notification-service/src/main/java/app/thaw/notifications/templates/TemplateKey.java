package app.thaw.notifications.templates;

import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;

/** Templates are kept per event type, channel and language. */
public record TemplateKey(String eventType, Channel channel, Language language) {

    public TemplateKey withLanguage(Language other) {
        return new TemplateKey(eventType, channel, other);
    }
}

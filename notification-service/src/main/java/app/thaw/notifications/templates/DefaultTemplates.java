package app.thaw.notifications.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import org.yaml.snakeyaml.Yaml;

/**
 * The templates Thaw ships ({@code notifications/templates.yml}), read once at start. Each event
 * type has, per language, a subject, a text and an HTML body and an SMS text; a channel takes the
 * parts it uses.
 */
public final class DefaultTemplates {

    /** The fixed notice every message to the holder of a restricted (COMPLIANCE_HOLD) case is replaced with. */
    public static final String RESTRICTED_NOTICE = "notice.restricted";

    private final Map<String, Map<String, Map<String, String>>> templates;

    @SuppressWarnings("unchecked")
    public DefaultTemplates() {
        try (InputStream in = DefaultTemplates.class.getResourceAsStream("/notifications/templates.yml")) {
            if (in == null) {
                throw new IllegalStateException("notifications/templates.yml is missing from the classpath");
            }
            templates = new HashMap<>((Map<String, Map<String, Map<String, String>>>) new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped template for exactly this key, if there is one. */
    public Optional<ChannelTemplate> find(TemplateKey key) {
        Map<String, Map<String, String>> byLanguage = templates.get(key.eventType());
        if (byLanguage == null || byLanguage.get(key.language().tag()) == null) {
            return Optional.empty();
        }
        return Optional.of(forChannel(byLanguage.get(key.language().tag()), key.channel()));
    }

    /** A plain template for event types that have none (a tenant's rule for a type Thaw ships no text for). */
    public static ChannelTemplate generic(Channel channel) {
        return new ChannelTemplate(
                channel == Channel.SMS ? null : "{{eventType}}",
                "Thaw: {{eventType}} {{caseId}}",
                channel == Channel.EMAIL ? "<p>Thaw: {{eventType}} {{caseId}}</p>" : null);
    }

    private static ChannelTemplate forChannel(Map<String, String> parts, Channel channel) {
        return switch (channel) {
            case EMAIL -> new ChannelTemplate(parts.get("subject"), parts.get("text"), parts.get("html"));
            case SMS -> new ChannelTemplate(null, parts.getOrDefault("sms", parts.get("text")), null);
            case IN_APP, WEBHOOK -> new ChannelTemplate(parts.get("subject"), parts.get("text"), null);
        };
    }

    public boolean has(String eventType, Language language) {
        Map<String, Map<String, String>> byLanguage = templates.get(eventType);
        return byLanguage != null && byLanguage.containsKey(language.tag());
    }
}

package app.thaw.notifications.templates;

import java.util.Map;

import app.thaw.notifications.recipients.Language;
import reactor.core.publisher.Mono;

/**
 * Finds and renders the template for a message: the tenant's own in the recipient's language,
 * Thaw's in that language, then the same two in English. A message to the holder of a
 * restricted (COMPLIANCE_HOLD) case is the fixed notice, whatever was asked for: no tenant
 * template and no rule can change it.
 */
public interface TemplateService {

    /** A stored template and where it came from ({@code TENANT} or {@code DEFAULT}), with its language. */
    record Resolved(ChannelTemplate template, Language language, String origin, long version) {}

    Mono<Resolved> resolve(String tenantId, TemplateKey key);

    /** Renders the message for one recipient; {@code restrictedToHolder} forces the fixed notice. */
    Mono<RenderedMessage> render(String tenantId, Message message, boolean restrictedToHolder);

    /**
     * Renders the template in force for the key with a caller's sample (the preview endpoint): the
     * sample is the template's model as the request wrote it, names and all, for the template alone to
     * read; {@code restricted} shows the fixed notice instead.
     */
    Mono<RenderedMessage> preview(String tenantId, TemplateKey key, Map<String, Object> sample, boolean restricted);

    /** Renders a template as given (unsaved) with a caller's sample, for the preview endpoint. */
    RenderedMessage preview(ChannelTemplate template, Map<String, Object> sample);

    /** Writes the tenant's template for the key at the version read (0 for a first one). */
    Mono<Resolved> put(String tenantId, TemplateKey key, ChannelTemplate template, long expectedVersion);
}

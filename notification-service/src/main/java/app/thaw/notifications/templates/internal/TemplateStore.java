package app.thaw.notifications.templates.internal;

import java.util.Map;
import java.util.function.Supplier;

import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.recipients.Language;
import app.thaw.notifications.templates.ChannelTemplate;
import app.thaw.notifications.templates.DefaultTemplates;
import app.thaw.notifications.templates.Message;
import app.thaw.notifications.templates.RenderedMessage;
import app.thaw.notifications.templates.TemplateKey;
import app.thaw.notifications.templates.TemplateRenderer;
import app.thaw.notifications.templates.TemplateService;
import app.thaw.notifications.templates.TemplateService.Resolved;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.store.VersionedWrites;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Tenants' templates in {@code templates} (id {@code tenant|event|channel|language}) over Thaw's
 * defaults. Finds and renders the template for a message: the tenant's own in the recipient's language,
 * Thaw's in that language, then the same two in English. A message to the holder of a
 * restricted (COMPLIANCE_HOLD) case is the fixed notice, whatever was asked for: no tenant
 * template and no rule can change it.
 */
@Service
public class TemplateStore implements TemplateService {

    static final String COLLECTION = "templates";

    private final ReactiveMongoTemplate mongo;
    private final AuditLog audit;
    private final DefaultTemplates defaults = new DefaultTemplates();
    private final TemplateRenderer renderer = new TemplateRenderer();

    public TemplateStore(ReactiveMongoTemplate mongo, AuditLog audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    public Mono<Resolved> resolve(String tenantId, TemplateKey key) {
        TemplateKey english = key.withLanguage(Language.FALLBACK);
        return tenantTemplate(tenantId, key)
                .switchIfEmpty(Mono.defer(() ->
                        Mono.justOrEmpty(defaults.find(key).map(t -> new Resolved(t, key.language(), "DEFAULT", 0)))))
                .switchIfEmpty(Mono.defer(() -> tenantTemplate(tenantId, english)))
                .switchIfEmpty(Mono.fromSupplier(() -> defaults.find(english)
                        .map(t -> new Resolved(t, Language.FALLBACK, "DEFAULT", 0))
                        .orElseGet(() -> new Resolved(
                                DefaultTemplates.generic(key.channel()), Language.FALLBACK, "GENERIC", 0))));
    }

    /** Renders the message for one recipient; {@code restrictedToHolder} forces the fixed notice. */
    public Mono<RenderedMessage> render(String tenantId, Message message, boolean restrictedToHolder) {
        return render(tenantId, message.key(), message::model, restrictedToHolder);
    }

    public Mono<RenderedMessage> preview(
            String tenantId, TemplateKey key, Map<String, Object> sample, boolean restricted) {
        return render(tenantId, key, () -> sample, restricted);
    }

    /** Renders a template as given (unsaved), for the preview endpoint. */
    public RenderedMessage preview(ChannelTemplate template, Map<String, Object> sample) {
        return renderer.render(template, sample);
    }

    /** The model is made only when a template will read it: the fixed notice names nothing. */
    private Mono<RenderedMessage> render(
            String tenantId, TemplateKey key, Supplier<Map<String, Object>> model, boolean restrictedToHolder) {
        if (restrictedToHolder) {
            return Mono.fromSupplier(() -> renderer.render(restrictedNotice(key.channel(), key.language()), Map.of()));
        }
        return resolve(tenantId, key).map(resolved -> renderer.render(resolved.template(), model.get()));
    }

    /** Writes the tenant's template for the key at the version read (0 for a first one). */
    public Mono<Resolved> put(String tenantId, TemplateKey key, ChannelTemplate template, long expectedVersion) {
        renderer.validate(template);
        String id = id(tenantId, key);
        Document content = new Document("tenantId", tenantId)
                .append("eventType", key.eventType())
                .append("channel", key.channel().name())
                .append("language", key.language().tag())
                .append("subject", template.subject())
                .append("body", template.body())
                .append("html", template.html());
        Mono<Document> write =
                VersionedWrites.put(mongo, COLLECTION, "template", tenantId, id, expectedVersion, content);
        return write.map(document ->
                        new Resolved(fromDocument(document), key.language(), "TENANT", document.getLong("version")))
                .flatMap(saved -> audit.record("template.changed", "template", id, Map.of("version", saved.version()))
                        .thenReturn(saved));
    }

    private Mono<Resolved> tenantTemplate(String tenantId, TemplateKey key) {
        return mongo.findById(id(tenantId, key), Document.class, COLLECTION)
                .map(document ->
                        new Resolved(fromDocument(document), key.language(), "TENANT", document.getLong("version")));
    }

    private ChannelTemplate restrictedNotice(Channel channel, Language language) {
        return defaults.find(new TemplateKey(DefaultTemplates.RESTRICTED_NOTICE, channel, language))
                .or(() ->
                        defaults.find(new TemplateKey(DefaultTemplates.RESTRICTED_NOTICE, channel, Language.FALLBACK)))
                .orElseThrow();
    }

    private static ChannelTemplate fromDocument(Document document) {
        return new ChannelTemplate(
                document.getString("subject"), document.getString("body"), document.getString("html"));
    }

    private static String id(String tenantId, TemplateKey key) {
        return tenantId + "|" + key.eventType() + "|" + key.channel().name() + "|"
                + key.language().tag();
    }
}

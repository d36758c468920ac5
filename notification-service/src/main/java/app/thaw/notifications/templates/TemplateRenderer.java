package app.thaw.notifications.templates;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

/**
 * Renders templates with JMustache. Tenants edit templates, so the engine is logic-less and a
 * template reads values from the model's maps and lists only: it can call no method. Escaping follows
 * the output: HTML parts escape every value, text parts (subject, text, SMS) take values as they
 * are, since entity-escaping a plain-text message would show "&amp;" to the reader.
 */
public final class TemplateRenderer {

    private final Mustache.Compiler text = Mustache.compiler()
            .withCollector(new DataOnly())
            .withEscaper(Escapers.NONE)
            .defaultValue("")
            .emptyStringIsFalse(true);
    private final Mustache.Compiler html = Mustache.compiler()
            .withCollector(new DataOnly())
            .withEscaper(Escapers.HTML)
            .defaultValue("")
            .emptyStringIsFalse(true);

    /**
     * Resolves names in maps and lists only. JMustache's default collector also calls getters and
     * no-argument methods by reflection ({@code {{name.bytes}}}); a tenant's template must not.
     */
    static final class DataOnly extends BasicCollector {

        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    }

    public RenderedMessage render(ChannelTemplate template, Map<String, Object> model) {
        String subject = template.subject() == null
                ? null
                : compile(text, "subject", template.subject()).execute(model).strip();
        String body = compile(text, "body", template.body()).execute(model).strip();
        String htmlBody = template.html() == null
                ? null
                : compile(html, "html", template.html()).execute(model);
        return new RenderedMessage(subject, body, htmlBody);
    }

    /** Checks that every part compiles; a bad one is an {@link InvalidTemplate} naming the part. */
    public void validate(ChannelTemplate template) {
        if (template.subject() != null) {
            compile(text, "subject", template.subject());
        }
        compile(text, "body", template.body());
        if (template.html() != null) {
            compile(html, "html", template.html());
        }
    }

    private static Template compile(Mustache.Compiler compiler, String part, String source) {
        try {
            return compiler.compile(source);
        } catch (MustacheException invalid) {
            throw new InvalidTemplate(part, invalid.getMessage());
        }
    }
}

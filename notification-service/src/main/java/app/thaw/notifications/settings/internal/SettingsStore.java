package app.thaw.notifications.settings.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import app.thaw.notifications.settings.SettingsProperties;
import app.thaw.notifications.settings.SettingsService;
import app.thaw.notifications.settings.TenantSettings;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.store.VersionedWrites;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Tenants' settings in {@code tenant_settings}, one document per tenant (its id), written at the version read
 * ({@link VersionedWrites}); settings stored before they named their tenant are named before the service serves.
 */
@Service
public class SettingsStore implements SettingsService, IndexedStore {

    static final String COLLECTION = "tenant_settings";

    private final ReactiveMongoTemplate mongo;
    private final AuditLog audit;
    private final TenantSettings defaults;

    public SettingsStore(ReactiveMongoTemplate mongo, AuditLog audit, SettingsProperties properties) {
        this.mongo = mongo;
        this.audit = audit;
        this.defaults = properties.toSettings();
    }

    @Override
    public Mono<Void> createIndexes() {
        return VersionedWrites.nameTheTenantOfTenantKeyed(mongo, COLLECTION).then();
    }

    public Mono<TenantSettings> forTenant(String tenantId) {
        return mongo.findById(tenantId, Document.class, COLLECTION)
                .map(this::fromDocument)
                .defaultIfEmpty(defaults);
    }

    public Mono<TenantSettings> put(String tenantId, TenantSettings settings, long expectedVersion) {
        Document content = new Document("reminderOffsets", millis(settings.reminderOffsets()))
                .append("escalateAfter", settings.escalateAfter().toMillis())
                .append("retrySchedule", millis(settings.retrySchedule()))
                .append("disableAfter", settings.disableAfter().toMillis())
                .append("secretOverlap", settings.secretOverlap().toMillis())
                .append("language", settings.language().tag())
                .append("timeZone", settings.timeZone().getId());
        Mono<Document> write =
                VersionedWrites.putTenantKeyed(mongo, COLLECTION, "settings", tenantId, expectedVersion, content);
        return write.map(this::fromDocument)
                .flatMap(saved -> audit.record(
                                "settings.changed", "settings", tenantId, Map.of("version", saved.version()))
                        .thenReturn(saved));
    }

    public TenantSettings defaults() {
        return defaults;
    }

    private static List<Long> millis(List<Duration> durations) {
        return durations.stream().map(Duration::toMillis).toList();
    }

    private static List<Duration> durations(Document document, String key) {
        return document.getList(key, Number.class, List.of()).stream()
                .map(n -> Duration.ofMillis(n.longValue()))
                .toList();
    }

    private TenantSettings fromDocument(Document document) {
        // Settings written before the tenant's language and zone existed keep the defaults for them.
        String language = document.getString("language");
        String zone = document.getString("timeZone");
        return new TenantSettings(
                durations(document, "reminderOffsets"),
                Duration.ofMillis(document.getLong("escalateAfter")),
                durations(document, "retrySchedule"),
                Duration.ofMillis(document.getLong("disableAfter")),
                Duration.ofMillis(document.getLong("secretOverlap")),
                language == null ? defaults.language() : app.thaw.notifications.recipients.Language.fromTag(language),
                zone == null ? defaults.timeZone() : java.time.ZoneId.of(zone),
                document.getLong("version"));
    }
}

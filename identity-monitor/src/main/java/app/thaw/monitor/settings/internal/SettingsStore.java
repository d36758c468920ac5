package app.thaw.monitor.settings.internal;

import java.time.Instant;
import java.util.Date;

import app.thaw.monitor.settings.SettingsService.Versioned;
import app.thaw.monitor.settings.StoredSettings;
import app.thaw.monitor.settings.TenantSettings;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.store.VersionedWrites;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Settings in {@code tenant_settings} (written at the version read, {@link VersionedWrites}; those stored before they
 * named their tenant are named before the service serves) and plans in {@code tenant_plans}, both with the tenant as id.
 */
@Component
class SettingsStore implements StoredSettings, IndexedStore {

    static final String SETTINGS = "tenant_settings";
    static final String PLANS = "tenant_plans";

    private final ReactiveMongoTemplate mongo;

    SettingsStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> createIndexes() {
        return VersionedWrites.nameTheTenantOfTenantKeyed(mongo, SETTINGS).then();
    }

    @Override
    public Mono<Versioned<TenantSettings>> settings(String tenantId) {
        return mongo.findById(tenantId, Document.class, SETTINGS)
                .map(doc -> new Versioned<>(
                        mongo.getConverter().read(TenantSettings.class, doc.get("settings", Document.class)),
                        doc.get("version", Number.class).longValue()));
    }

    @Override
    public Mono<Versioned<TenantSettings>> replace(
            String tenantId, TenantSettings settings, long expectedVersion, Instant at) {
        MongoConverter converter = mongo.getConverter();
        Document stored = new Document();
        converter.write(settings, stored);
        stored.remove("_class");
        return VersionedWrites.putTenantKeyed(
                        mongo,
                        SETTINGS,
                        "settings",
                        tenantId,
                        expectedVersion,
                        new Document("settings", stored).append("updatedAt", Date.from(at)))
                .map(written -> new Versioned<>(
                        settings, written.get("version", Number.class).longValue()));
    }

    @Override
    public Mono<Long> maxSubjects(String tenantId) {
        return mongo.findById(tenantId, Document.class, PLANS)
                .map(doc -> doc.get("maxSubjects", Number.class).longValue());
    }

    @Override
    public Mono<Void> setMaxSubjects(String tenantId, long maxSubjects, Instant at) {
        return mongo.upsert(
                        Query.query(Criteria.where("_id").is(tenantId)),
                        new Update().set("maxSubjects", maxSubjects).set("updatedAt", Date.from(at)),
                        PLANS)
                .then();
    }
}

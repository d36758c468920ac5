package app.thaw.cases.tenant.internal;

import java.lang.reflect.RecordComponent;

import app.thaw.cases.problems.CaseProblems;
import app.thaw.cases.tenant.TenantSettings;
import app.thaw.cases.tenant.TenantSettingsStore;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.store.VersionedWrites;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Tenants' settings in {@code tenant_settings}, one document per tenant under its id, written at the version read
 * ({@link VersionedWrites}); settings stored before they named their tenant are named before the service serves.
 */
final class MongoTenantSettingsStore implements TenantSettingsStore, IndexedStore {

    static final String SETTINGS = "tenant_settings";

    private final ReactiveMongoTemplate mongo;

    MongoTenantSettingsStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> createIndexes() {
        return VersionedWrites.nameTheTenantOfTenantKeyed(mongo, SETTINGS).then();
    }

    @Override
    public Mono<TenantSettings> find(String tenantId) {
        return mongo.findById(tenantId, TenantSettings.class, SETTINGS);
    }

    @Override
    public Mono<Void> replace(TenantSettings next, long expectedVersion) {
        return VersionedWrites.putTenantKeyed(mongo, SETTINGS, "settings", next.id(), expectedVersion, content(next))
                .onErrorMap(OptimisticLockingFailureException.class, stale -> CaseProblems.versionConflict())
                .then();
    }

    /**
     * The settings' members as stored, every one of them: a member the tenant cleared (null) is written as null, as
     * a write sets only the members it names.
     */
    private Document content(TenantSettings settings) {
        Document content = new Document();
        mongo.getConverter().write(settings, content);
        for (RecordComponent member : TenantSettings.class.getRecordComponents()) {
            content.putIfAbsent(member.getName(), null);
        }
        content.keySet().removeAll(java.util.List.of("_id", "id", "_class", "version"));
        return content;
    }
}

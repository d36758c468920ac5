package app.thaw.cases.tenant.internal;

import app.thaw.cases.problems.CaseProblems;
import app.thaw.cases.tenant.TenantSettings;
import app.thaw.cases.tenant.TenantSettingsStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** Tenants' settings in {@code tenant_settings}, one document per tenant under its id, versioned. */
final class MongoTenantSettingsStore implements TenantSettingsStore {

    static final String SETTINGS = "tenant_settings";

    private final ReactiveMongoTemplate mongo;

    MongoTenantSettingsStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<TenantSettings> find(String tenantId) {
        return mongo.findById(tenantId, TenantSettings.class, SETTINGS);
    }

    @Override
    public Mono<Void> replace(TenantSettings next, long expectedVersion) {
        return mongo.findAndReplace(
                        Query.query(Criteria.where("_id")
                                .is(next.id())
                                .and("version")
                                .is(expectedVersion)),
                        withVersion(next, expectedVersion + 1),
                        SETTINGS)
                .switchIfEmpty(Mono.defer(() -> expectedVersion == 0
                        ? mongo.insert(withVersion(next, 1), SETTINGS)
                                .onErrorMap(DuplicateKeyException.class, d -> CaseProblems.versionConflict())
                        : Mono.error(CaseProblems.versionConflict())))
                .then();
    }

    private static TenantSettings withVersion(TenantSettings s, long version) {
        return new TenantSettings(
                s.id(),
                s.country(),
                s.subdivision(),
                s.timeZone(),
                s.extraHolidays(),
                s.extraWorkingDays(),
                s.goldenMinutes(),
                s.takeoverFreezeMinutes(),
                s.takeoverProofMinutes(),
                s.takeoverContactMinutes(),
                s.partnerReviewMinutes(),
                s.supplementAckHours(),
                s.resolutionBusinessDays(),
                s.firstFollowUpBusinessDays(),
                s.nextFollowUpBusinessDays(),
                s.pauseWhileWaitingOn(),
                s.whyDepth(),
                s.autoTriageConfidence(),
                version);
    }
}

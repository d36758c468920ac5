package app.thaw.platform.plans;

import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Each tenant's plan in this service ({@value #COLLECTION}): the one platform admins set in
 * identity-monitor, as its {@code thaw.subscription.changed} events carry it, else the configured
 * one ({@code thaw.plans.tenants}, {@code thaw.plans.default-plan}).
 */
public class TenantPlans {

    public static final String COLLECTION = "tenant_plans";

    private final ReactiveMongoTemplate mongo;
    private final PlansProperties properties;
    private final PlanLimits limits;

    public TenantPlans(ReactiveMongoTemplate mongo, PlansProperties properties, PlanLimits limits) {
        this.mongo = mongo;
        this.properties = properties;
        this.limits = limits;
        if (!limits.has(properties.defaultPlan())) {
            throw new IllegalStateException(
                    "thaw.plans.default-plan names no plan of the catalogue: " + properties.defaultPlan());
        }
        properties.tenants().forEach((tenant, plan) -> {
            if (!limits.has(plan)) {
                throw new IllegalStateException(
                        "thaw.plans.tenants." + tenant + " names no plan of the catalogue: " + plan);
            }
        });
    }

    /** The tenant's plan code. */
    public Mono<String> planOf(String tenantId) {
        return mongo.findById(tenantId, Document.class, COLLECTION)
                .map(document -> document.getString("plan"))
                .filter(limits::has)
                .defaultIfEmpty(properties.tenants().getOrDefault(tenantId, properties.defaultPlan()));
    }

    /** A replica applies an admin's change: newer over older; an older or repeated one changes nothing. */
    public Mono<Boolean> apply(String tenantId, String plan, long sequence) {
        Query older =
                Query.query(Criteria.where("_id").is(tenantId).and("sequence").lt(sequence));
        return mongo.upsert(
                        older,
                        new Update().set("plan", plan).set("sequence", sequence).set("appliedAt", new Date()),
                        COLLECTION)
                .map(result -> true)
                .onErrorResume(DuplicateKeyException.class, newerStored -> Mono.just(false));
    }
}

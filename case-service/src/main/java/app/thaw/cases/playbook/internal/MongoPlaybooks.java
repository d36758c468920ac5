package app.thaw.cases.playbook.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.cases.incident.Scenario;
import app.thaw.cases.playbook.ContactRules;
import app.thaw.cases.playbook.DefaultPlaybooks;
import app.thaw.cases.playbook.Playbook;
import app.thaw.cases.playbook.Playbooks;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.idempotency.IdempotentEffects;
import app.thaw.platform.store.IndexedStore;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** {@link Playbooks} in the store: one document per tenant version, under {@code playbooks}. */
public class MongoPlaybooks implements Playbooks, IndexedStore {

    public static final String PLAYBOOKS = "playbooks";
    /** The stored version's effect id: the request's Idempotency-Key names it (ADR 56, ADR 52). */
    static final String EFFECT = "effectId";

    private final ReactiveMongoTemplate mongo;
    private final DefaultPlaybooks defaults;

    public MongoPlaybooks(ReactiveMongoTemplate mongo, DefaultPlaybooks defaults) {
        this.mongo = mongo;
        this.defaults = defaults;
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(PLAYBOOKS)
                .createIndex(new Index()
                        .on("owner", Sort.Direction.ASC)
                        .on("scenario", Sort.Direction.ASC)
                        .on("version", Sort.Direction.DESC)
                        .unique())
                .then(mongo.indexOps(PLAYBOOKS)
                        .createIndex(new Index()
                                .on(EFFECT, Sort.Direction.ASC)
                                .unique()
                                .sparse()))
                .then();
    }

    @Override
    public Mono<Playbook> current(String tenantId, Scenario scenario) {
        Query latest = Query.query(
                        Criteria.where("owner").is(tenantId).and("scenario").is(scenario))
                .with(Sort.by(Sort.Direction.DESC, "version"))
                .limit(1);
        return mongo.findOne(latest, Playbook.class, PLAYBOOKS).defaultIfEmpty(defaults.of(scenario));
    }

    @Override
    public Mono<Playbook> byId(String tenantId, String id) {
        for (Scenario scenario : Scenario.values()) {
            if (defaults.of(scenario).id().equals(id)) {
                return Mono.just(defaults.of(scenario));
            }
        }
        return mongo.findOne(
                Query.query(Criteria.where("_id").is(id).and("owner").in(tenantId, Playbook.DEFAULT_OWNER)),
                Playbook.class,
                PLAYBOOKS);
    }

    @Override
    public Mono<Playbook> createVersion(
            String tenantId,
            Scenario scenario,
            int basedOnVersion,
            List<Playbook.Step> steps,
            Map<String, Map<String, String>> scripts,
            Instant now,
            String actor) {
        // A tenant's step is held to the scenario's rule of whom to contact, as Thaw's own steps are.
        DefaultPlaybooks.ContactRule rule = defaults.contactRule(scenario);
        for (int i = 0; i < steps.size(); i++) {
            ContactRules.Contradiction contradiction = ContactRules.contradiction(rule, steps.get(i));
            if (contradiction != null) {
                return Mono.error(CaseProblems.invalid(
                        "steps[" + i + "]." + contradiction.field(),
                        "ContactRule",
                        ContactRules.why(rule, contradiction.phrase())));
            }
        }
        return IdempotentEffects.once(
                        "playbook-version",
                        () -> UUID.randomUUID().toString(),
                        effect -> mongo.findOne(
                                Query.query(Criteria.where(EFFECT)
                                        .is(effect)
                                        .and("owner")
                                        .is(tenantId)),
                                Playbook.class,
                                PLAYBOOKS),
                        effect -> current(tenantId, scenario).flatMap(current -> {
                            if (current.version() != basedOnVersion) {
                                return Mono.error(CaseProblems.versionConflict());
                            }
                            // A tenant's copy of Thaw's version 1 is version 2, so a version number names one playbook.
                            int next = current.version() + 1;
                            Playbook version = new Playbook(
                                    Playbook.idOf(tenantId, scenario, next),
                                    tenantId,
                                    scenario,
                                    next,
                                    steps.isEmpty() ? current.steps() : steps,
                                    scripts.isEmpty() ? current.scripts() : scripts,
                                    now,
                                    actor);
                            Document stored = new Document();
                            mongo.getConverter().write(version, stored);
                            stored.put(EFFECT, effect);
                            return mongo.insert(stored, PLAYBOOKS).thenReturn(version);
                        }))
                // Another edit took the number first (not this request's twin, which once answers).
                .onErrorMap(DuplicateKeyException.class, d -> CaseProblems.versionConflict());
    }
}

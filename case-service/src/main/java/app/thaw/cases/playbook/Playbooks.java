package app.thaw.cases.playbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.cases.incident.Scenario;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Playbook versions: Thaw's defaults (in memory) and tenants' own copies (stored, immutable, numbered). */
public interface Playbooks {

    /** The version a new case of this tenant starts with: its own latest, else Thaw's default. */
    Mono<Playbook> current(String tenantId, Scenario scenario);

    /**
     * A version by id, as a case of {@code tenantId} refers to it: Thaw's defaults (not stored) or one of
     * the tenant's own; another tenant's version is not found.
     */
    Mono<Playbook> byId(String tenantId, String id);

    /** The tenant's current version of every scenario. */
    default Flux<Playbook> currentAll(String tenantId) {
        return Flux.fromArray(Scenario.values()).concatMap(scenario -> current(tenantId, scenario));
    }

    /**
     * The tenant's next version, made from {@code steps} (or a copy of the current version when
     * null). {@code basedOnVersion} must be the current version: an edit of a stale version is a
     * conflict (409 {@code version_conflict}, also when a concurrent edit wins the race for the number).
     * Once per Idempotency-Key (ADR 52): a request repeated after its instance died answers the version
     * its first run made, not a conflict with it. A step that contradicts the scenario's rule of whom
     * to contact is a 400 naming the step.
     */
    Mono<Playbook> createVersion(
            String tenantId,
            Scenario scenario,
            int basedOnVersion,
            List<Playbook.Step> steps,
            Map<String, Map<String, String>> scripts,
            Instant now,
            String actor);
}

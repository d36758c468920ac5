package app.thaw.notifications.rules;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The rules in force for a tenant: its own where it wrote one, else the default. A tenant's rule
 * starts at version 1 (the default is version 0), so editing a default is a write at version 0.
 */
public interface RuleService {

    /** The tenant's rule for the event type, else the default one; empty if neither exists. */
    Mono<Rule> effective(String tenantId, String eventType);

    /** Every rule in force for the tenant: the defaults with the tenant's own in their place, then its rules for other types. */
    Mono<List<Rule>> all(String tenantId);

    /** Writes the tenant's rule for an event type at the version read (0 to replace the default). */
    Mono<Rule> put(
            String tenantId,
            String eventType,
            List<Target> targets,
            boolean urgent,
            boolean enabled,
            long expectedVersion);
}

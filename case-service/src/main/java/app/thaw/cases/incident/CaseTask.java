package app.thaw.cases.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One step of the case's playbook, instantiated when the scenario was set.
 *
 * @param special the playbook's "special situations" guidance for this step
 * @param note    what the executor recorded as a deviation, in the special-situations area
 */
public record CaseTask(
        String id,
        int order,
        String title,
        String titleZh,
        String ownerRole,
        String special,
        String specialZh,
        String clockId,
        boolean done,
        @Nullable Instant doneAt,
        @Nullable String doneBy,
        @Nullable String note) {

    CaseTask completed(Instant at, String by, @Nullable String deviation) {
        return new CaseTask(id, order, title, titleZh, ownerRole, special, specialZh, clockId, true, at, by, deviation);
    }
}

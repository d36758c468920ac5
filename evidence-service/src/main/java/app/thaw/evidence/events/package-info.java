/**
 * The events evidence-service publishes ({@link app.thaw.evidence.events.EvidenceEvents}: one
 * record per {@code thaw.evidence.*} type, made by {@link app.thaw.evidence.events.EvidenceEventMapper})
 * and its own records of the case events it consumes ({@link app.thaw.evidence.events.ConsumedEvents}).
 * docs/events.md is the contract both are tested against.
 */
@NullMarked
package app.thaw.evidence.events;

import org.jspecify.annotations.NullMarked;

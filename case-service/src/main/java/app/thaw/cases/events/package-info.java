/**
 * The events case-service publishes ({@link app.thaw.cases.events.CaseEvents}: one record per
 * {@code thaw.case.*} type) and its own records of the events it consumes
 * ({@link app.thaw.cases.events.ConsumedEvents}). docs/events.md is the contract both are tested
 * against; the platform maps them to and from JSON.
 */
@NullMarked
package app.thaw.cases.events;

import org.jspecify.annotations.NullMarked;

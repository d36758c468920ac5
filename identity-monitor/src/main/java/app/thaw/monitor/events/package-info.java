/**
 * The events identity-monitor publishes ({@link app.thaw.monitor.events.AlertEvents}); it consumes
 * none. docs/events.md is the contract they are tested against.
 */
@NullMarked
package app.thaw.monitor.events;

import org.jspecify.annotations.NullMarked;

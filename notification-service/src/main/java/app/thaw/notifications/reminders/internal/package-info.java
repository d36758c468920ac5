/** Reminders in store, and the event and timer handlers that schedule, move, cancel and fire them. */
@NullMarked
package app.thaw.notifications.reminders.internal;

import org.jspecify.annotations.NullMarked;

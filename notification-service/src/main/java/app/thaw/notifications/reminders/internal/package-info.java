/** Event and timer handlers that schedule, move, cancel and fire reminders. */
@NullMarked
package app.thaw.notifications.reminders.internal;

import org.jspecify.annotations.NullMarked;

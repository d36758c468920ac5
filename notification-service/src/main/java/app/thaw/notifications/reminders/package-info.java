/** Reminders before each clock's deadline from case-service, and escalation when an urgent one is not acknowledged. */
@NullMarked
package app.thaw.notifications.reminders;

import org.jspecify.annotations.NullMarked;

/** HTTP API for acknowledging reminders. */
@NullMarked
package app.thaw.notifications.reminders.web;

import org.jspecify.annotations.NullMarked;

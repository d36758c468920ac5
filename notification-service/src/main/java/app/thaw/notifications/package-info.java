/** Notifications: e-mail, SMS, signed webhooks and in-app messages; reminders; the golden 15 minutes. */
@NullMarked
package app.thaw.notifications;

import org.jspecify.annotations.NullMarked;

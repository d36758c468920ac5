/** In-app messages: a per-user inbox and a server-sent-events stream for the dashboards. */
@NullMarked
package app.thaw.notifications.inapp;

import org.jspecify.annotations.NullMarked;

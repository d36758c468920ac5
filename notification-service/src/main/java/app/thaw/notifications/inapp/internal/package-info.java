/** The in-app inboxes' store and live stream. */
@NullMarked
package app.thaw.notifications.inapp.internal;

import org.jspecify.annotations.NullMarked;

/** Who is notified: a tenant's clients and staff, their channels, language, time zone and quiet hours. */
@NullMarked
package app.thaw.notifications.recipients;

import org.jspecify.annotations.NullMarked;

/** SMS through providers' HTTP APIs with failover, or into the development mailbox when none is configured. */
@NullMarked
package app.thaw.notifications.sms;

import org.jspecify.annotations.NullMarked;

/** E-mail over SMTP, or into the development mailbox when no SMTP server is configured. */
@NullMarked
package app.thaw.notifications.email;

import org.jspecify.annotations.NullMarked;

/** Storage of recipients. */
@NullMarked
package app.thaw.notifications.recipients.internal;

import org.jspecify.annotations.NullMarked;

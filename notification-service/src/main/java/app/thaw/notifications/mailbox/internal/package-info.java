/** The development mailbox's store. */
@NullMarked
package app.thaw.notifications.mailbox.internal;

import org.jspecify.annotations.NullMarked;

/** The development mailbox: e-mails and SMS captured instead of sent, shown through the API. */
@NullMarked
package app.thaw.notifications.mailbox;

import org.jspecify.annotations.NullMarked;

/** HTTP API for the development mailbox. */
@NullMarked
package app.thaw.notifications.mailbox.web;

import org.jspecify.annotations.NullMarked;

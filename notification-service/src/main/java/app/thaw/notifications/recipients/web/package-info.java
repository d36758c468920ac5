/** HTTP API for recipients and their preferences. */
@NullMarked
package app.thaw.notifications.recipients.web;

import org.jspecify.annotations.NullMarked;

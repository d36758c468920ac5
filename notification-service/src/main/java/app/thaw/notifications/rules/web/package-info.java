/** HTTP API for notification rules. */
@NullMarked
package app.thaw.notifications.rules.web;

import org.jspecify.annotations.NullMarked;

/** HTTP API for the delivery log. */
@NullMarked
package app.thaw.notifications.delivery.web;

import org.jspecify.annotations.NullMarked;

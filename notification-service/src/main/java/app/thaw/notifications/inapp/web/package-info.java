/** HTTP API for the in-app inbox and its event stream. */
@NullMarked
package app.thaw.notifications.inapp.web;

import org.jspecify.annotations.NullMarked;

/** HTTP API for a tenant's notification settings. */
@NullMarked
package app.thaw.notifications.settings.web;

import org.jspecify.annotations.NullMarked;

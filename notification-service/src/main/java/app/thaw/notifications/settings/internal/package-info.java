/** The tenant settings' store: one document per tenant, written at the version read. */
@NullMarked
package app.thaw.notifications.settings.internal;

import org.jspecify.annotations.NullMarked;

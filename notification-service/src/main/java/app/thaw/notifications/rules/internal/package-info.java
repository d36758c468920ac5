/** The tenants' own rules in store: one document per tenant and event type, written at the version read. */
@NullMarked
package app.thaw.notifications.rules.internal;

import org.jspecify.annotations.NullMarked;

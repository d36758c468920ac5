/** Tenant settings in the store, and the wiring of the tenant feature. */
@NullMarked
package app.thaw.cases.tenant.internal;

import org.jspecify.annotations.NullMarked;

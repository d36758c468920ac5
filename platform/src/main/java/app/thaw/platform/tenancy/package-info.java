/** Tenant relations — partner links — and the one rule for whether a caller may act on a tenant's data (ADR 60). */
@NullMarked
package app.thaw.platform.tenancy;

import org.jspecify.annotations.NullMarked;

/** Who may see and change which case: roles, the reach across tenants (the platform's TenantAccess) and its audit. */
@NullMarked
package app.thaw.cases.access;

import org.jspecify.annotations.NullMarked;

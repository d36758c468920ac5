/** Tenant settings API: a tenant's calendar, time zone and case numbers. */
@NullMarked
package app.thaw.cases.tenant.web;

import org.jspecify.annotations.NullMarked;

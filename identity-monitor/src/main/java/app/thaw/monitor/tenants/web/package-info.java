/** The onboarding API: {@code POST /api/v1/monitor/admin/tenants} for platform admins. */
@NullMarked
package app.thaw.monitor.tenants.web;

import org.jspecify.annotations.NullMarked;

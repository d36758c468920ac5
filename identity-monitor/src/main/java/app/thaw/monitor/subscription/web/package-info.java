/** The subscription API: the caller's plan, quotas and this month's usage; platform admins change a tenant's plan. */
@NullMarked
package app.thaw.monitor.subscription.web;

import org.jspecify.annotations.NullMarked;

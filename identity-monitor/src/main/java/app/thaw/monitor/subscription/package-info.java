/** Plans as data (the catalogue), a tenant's subscription, and monthly quotas per metered item (issue 20, ADR 60). */
@NullMarked
package app.thaw.monitor.subscription;

import org.jspecify.annotations.NullMarked;

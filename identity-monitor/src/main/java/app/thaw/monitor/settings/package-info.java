/** Per-tenant thresholds, clocks and plan quotas, each with a configured default. */
@NullMarked
package app.thaw.monitor.settings;

import org.jspecify.annotations.NullMarked;

/** HTTP endpoints for alerts. */
@NullMarked
package app.thaw.monitor.alerts.web;

import org.jspecify.annotations.NullMarked;

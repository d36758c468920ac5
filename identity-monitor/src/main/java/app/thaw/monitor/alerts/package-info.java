/** Alerts: deduplicated per subject within a window, their life cycle, and the thaw.alert.raised event. */
@NullMarked
package app.thaw.monitor.alerts;

import org.jspecify.annotations.NullMarked;

/** Small helpers shared by the monitor's features: role checks, trace context for events, cursors. */
@NullMarked
package app.thaw.monitor.support;

import org.jspecify.annotations.NullMarked;

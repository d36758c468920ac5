/** How baselines are stored: one versioned document per subject. */
@NullMarked
package app.thaw.monitor.baseline.internal;

import org.jspecify.annotations.NullMarked;

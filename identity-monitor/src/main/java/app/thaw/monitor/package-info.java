/** Identity monitoring: protected identifiers, signals, anomaly detection, sanctions screening and alerts. */
@NullMarked
package app.thaw.monitor;

import org.jspecify.annotations.NullMarked;

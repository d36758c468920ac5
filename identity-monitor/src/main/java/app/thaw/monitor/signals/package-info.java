/** What sources saw happen to subjects (signals) as the detectors see them, and the stored signals: read, marked processed, erased. */
@NullMarked
package app.thaw.monitor.signals;

import org.jspecify.annotations.NullMarked;

/** Detectors that compare a signal with the subject's baseline under a tenant's thresholds; plain Java. */
@NullMarked
package app.thaw.monitor.detection;

import org.jspecify.annotations.NullMarked;

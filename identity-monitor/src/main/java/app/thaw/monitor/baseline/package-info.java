/** A subject's usual behaviour (devices, places, hours, institutions, recent activity), learnt from its signals; plain Java. */
@NullMarked
package app.thaw.monitor.baseline;

import org.jspecify.annotations.NullMarked;

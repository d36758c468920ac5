/** Signals pushed by partner banks and other sources: validation, idempotent storage and matching to subjects. */
@NullMarked
package app.thaw.monitor.signals;

import org.jspecify.annotations.NullMarked;

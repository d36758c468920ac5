/** How signals are stored: documents, indexes, the unordered bulk insert and its duplicate handling. */
@NullMarked
package app.thaw.monitor.signals.internal;

import org.jspecify.annotations.NullMarked;

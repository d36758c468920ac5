/** Ids for what the monitor stores: a kind prefix and a time-ordered 12-byte id in hex. */
@NullMarked
package app.thaw.monitor.ids;

import org.jspecify.annotations.NullMarked;

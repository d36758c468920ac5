/** Who may do what in the monitor (its role sets) and the 404 for a tenant the caller does not reach. */
@NullMarked
package app.thaw.monitor.access;

import org.jspecify.annotations.NullMarked;

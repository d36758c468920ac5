/** Protected identifiers: keyed hashes for matching and authenticated encryption for display, both bound to the tenant. */
@NullMarked
package app.thaw.monitor.protection;

import org.jspecify.annotations.NullMarked;

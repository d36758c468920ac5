/** The embedded MongoDB-compatible store: Thaw's local default database. */
@NullMarked
package app.thaw.store;

import org.jspecify.annotations.NullMarked;

/** The database connection: a configured MongoDB, or else the embedded store started in-process. */
@NullMarked
package app.thaw.platform.store;

import org.jspecify.annotations.NullMarked;

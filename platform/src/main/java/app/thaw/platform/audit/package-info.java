/** The append-only audit log: who did or read what, in which tenant, when, under which trace. */
@NullMarked
package app.thaw.platform.audit;

import org.jspecify.annotations.NullMarked;

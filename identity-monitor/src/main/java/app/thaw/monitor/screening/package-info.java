/** Sanctions screening: list loading and refresh, screening of subjects, hits, the per-tenant allow-list. */
@NullMarked
package app.thaw.monitor.screening;

import org.jspecify.annotations.NullMarked;

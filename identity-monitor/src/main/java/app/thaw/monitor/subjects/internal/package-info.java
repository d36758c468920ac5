/** How subjects are stored: documents, indexes and the per-tenant subject quota counter. */
@NullMarked
package app.thaw.monitor.subjects.internal;

import org.jspecify.annotations.NullMarked;

/** Outcome analytics over a tenant's cases: the figures, their CSV, and the query parameters they take. */
@NullMarked
package app.thaw.cases.analytics;

import org.jspecify.annotations.NullMarked;

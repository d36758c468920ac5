/** Outcome analytics over a tenant's cases (issue 23): the API for tenants and staff. */
@NullMarked
package app.thaw.cases.analytics.web;

import org.jspecify.annotations.NullMarked;

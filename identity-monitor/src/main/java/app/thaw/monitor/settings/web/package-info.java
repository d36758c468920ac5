/** HTTP endpoints for a tenant's monitoring settings and, for platform administrators, its plan. */
@NullMarked
package app.thaw.monitor.settings.web;

import org.jspecify.annotations.NullMarked;

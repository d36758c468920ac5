/** Each tenant's settings, policy and business calendar over the service's defaults (thaw.cases.*). */
@NullMarked
package app.thaw.cases.tenant;

import org.jspecify.annotations.NullMarked;

/** Business-day arithmetic in a tenant's calendar and time zone: weekends, public holidays, official and tenant overrides (moved from the platform, ADR 0013). */
@NullMarked
package app.thaw.cases.calendar;

import org.jspecify.annotations.NullMarked;

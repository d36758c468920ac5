/** Business-day arithmetic in a tenant's calendar and time zone: weekends, public holidays, official and tenant overrides. */
@NullMarked
package app.thaw.platform.calendar;

import org.jspecify.annotations.NullMarked;

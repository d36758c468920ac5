/**
 * What remains of the business calendar in the platform: the problem of a time zone the JDK does not know,
 * which identity-monitor answers too. The calendar itself lives in case-service, its one user (ADR 0013).
 */
@NullMarked
package app.thaw.platform.calendar;

import org.jspecify.annotations.NullMarked;

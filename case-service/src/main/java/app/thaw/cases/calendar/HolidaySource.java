package app.thaw.cases.calendar;

import java.time.LocalDate;
import java.util.Set;

/** Where a country's days off, and the weekend days it declares working days, come from. */
interface HolidaySource {

    /** The days off that fall in {@code year}: public holidays, days they are observed on, declared days off. */
    Set<LocalDate> daysOffIn(int year);

    /** Weekend days of {@code year} officially declared working days (China's makeup days). */
    Set<LocalDate> workingDaysIn(int year);

    /** Whether this source knows {@code year} at all, rather than answering "nothing" for lack of data. */
    boolean covers(int year);
}

package app.thaw.cases.calendar;

/**
 * When to chase a freezing platform (docs/domain.md §7). Plain arithmetic; which calendar the resulting
 * day is counted in is the caller's choice.
 */
public final class FollowUpRules {

    // docs/domain.md §7: the first follow-up falls in the later half of a stated cycle, at about 70 % of it.
    private static final int LATER_HALF_PERCENT = 70;

    private FollowUpRules() {}

    /**
     * The day of a stated processing cycle of {@code cycleDays} days on which the first follow-up
     * falls: ⌈0.7·N⌉, so day 7 of 10, day 4 of 5, day 1 of 1.
     *
     * @throws IllegalArgumentException when {@code cycleDays} is less than 1
     */
    public static int laterHalfOfCycle(int cycleDays) {
        if (cycleDays < 1) {
            throw new IllegalArgumentException("A processing cycle lasts at least one day, not " + cycleDays);
        }
        return Math.toIntExact(((long) cycleDays * LATER_HALF_PERCENT + 99) / 100);
    }
}

package app.thaw.cases.incident;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a notice states, extracted by triage.
 *
 * @param authority   an enforcement authority it names (a court, a police bureau)
 * @param fileNumber  the authority's file or case number
 * @param references  other reference numbers (tickets, notices, transactions)
 * @param amounts     amounts with their currency, as written
 * @param dates       dates it names, ISO formatted
 * @param timeLimits  time limits it sets, e.g. "3个工作日内" read as 3 BUSINESS_DAYS
 */
public record NoticeFacts(@Nullable String authority, @Nullable String fileNumber, List<String> references,
                          List<Money> amounts, List<String> dates, List<TimeLimit> timeLimits) {

    public NoticeFacts {
        references = List.copyOf(references);
        amounts = List.copyOf(amounts);
        dates = List.copyOf(dates);
        timeLimits = List.copyOf(timeLimits);
    }

    public static NoticeFacts none() {
        return new NoticeFacts(null, null, List.of(), List.of(), List.of(), List.of());
    }

    /** A time limit stated by a notice: {@code amount} units, and the words it was read from. */
    public record TimeLimit(int amount, TimeUnit unit, String text) {
    }

    public enum TimeUnit {
        HOURS, DAYS, BUSINESS_DAYS
    }
}

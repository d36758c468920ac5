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
 * @param merchantNumbers merchant numbers it names ("商户号", "merchant ID")
 * @param phones      telephone numbers it gives (an authority's or a platform's)
 */
public record NoticeFacts(
        @Nullable String authority,
        @Nullable String fileNumber,
        List<String> references,
        List<Money> amounts,
        List<String> dates,
        List<TimeLimit> timeLimits,
        List<String> merchantNumbers,
        List<String> phones) {

    public NoticeFacts {
        // Cases stored before a field existed read it back as null: absent means none.
        references = references == null ? List.of() : List.copyOf(references);
        amounts = amounts == null ? List.of() : List.copyOf(amounts);
        dates = dates == null ? List.of() : List.copyOf(dates);
        timeLimits = timeLimits == null ? List.of() : List.copyOf(timeLimits);
        merchantNumbers = merchantNumbers == null ? List.of() : List.copyOf(merchantNumbers);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    public NoticeFacts(
            @Nullable String authority,
            @Nullable String fileNumber,
            List<String> references,
            List<Money> amounts,
            List<String> dates,
            List<TimeLimit> timeLimits) {
        this(authority, fileNumber, references, amounts, dates, timeLimits, List.of(), List.of());
    }

    public static NoticeFacts none() {
        return new NoticeFacts(null, null, List.of(), List.of(), List.of(), List.of());
    }

    /** A time limit stated by a notice: {@code amount} units, and the words it was read from. */
    public record TimeLimit(int amount, TimeUnit unit, String text) {}

    public enum TimeUnit {
        MINUTES,
        HOURS,
        DAYS,
        BUSINESS_DAYS
    }
}

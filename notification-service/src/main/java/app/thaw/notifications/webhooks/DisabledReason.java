package app.thaw.notifications.webhooks;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why Thaw disabled a webhook endpoint. The endpoint keeps the English sentence (the API's
 * {@code disabledReason}, unchanged for clients); a page reads the sentence back into its reason
 * and words it in the page's language ({@code notifications.webhooks.reason.<name>}). A sentence
 * none of these wrote is shown as stored.
 */
public enum DisabledReason {
    /** The endpoint answered 410 Gone: its owner says it is gone for good. */
    GONE("the endpoint answered HTTP 410 Gone"),
    /** The tenant switched it off. */
    BY_TENANT("disabled by the tenant"),
    /** Every delivery failed for the configured number of days ({@code disable-after}). */
    FAILING("failing for (\\d+) days without a success");

    private final Pattern pattern;

    DisabledReason(String pattern) {
        this.pattern = Pattern.compile(pattern);
    }

    /** The English sentence stored with the endpoint; {@code args} fill the reason's numbers in order. */
    public String sentence(Object... args) {
        String sentence = pattern.pattern();
        for (Object arg : args) {
            sentence = sentence.replaceFirst(Pattern.quote("(\\d+)"), Matcher.quoteReplacement(String.valueOf(arg)));
        }
        return sentence;
    }

    /** A stored sentence read back: its reason and the numbers in it. */
    public record Read(DisabledReason reason, List<String> args) {

        /** The message key the pages word it with. */
        public String messageKey() {
            return "notifications.webhooks.reason." + reason.name();
        }
    }

    /** The reason that wrote {@code sentence}, if one of these did. */
    public static Optional<Read> read(String sentence) {
        for (DisabledReason reason : values()) {
            Matcher matcher = reason.pattern.matcher(sentence);
            if (matcher.matches()) {
                List<String> args = new java.util.ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    args.add(matcher.group(group));
                }
                return Optional.of(new Read(reason, List.copyOf(args)));
            }
        }
        return Optional.empty();
    }
}

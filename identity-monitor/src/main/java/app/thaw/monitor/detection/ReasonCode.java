package app.thaw.monitor.detection;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons alerts give, each with the English sentence the service writes for it (the API's
 * {@code reasons}) as a pattern, so that a sentence stored before codes existed is read back into
 * its code and arguments, and with the kind of each argument, so that a page words it in its own
 * language: {@code monitor.reason.<CODE>} in the message bundles, a signal type by its own message.
 */
public enum ReasonCode {
    NEW_DEVICE("(\\w+) from a device this subject has not used before", Arg.SIGNAL_TYPE),
    IMPOSSIBLE_TRAVEL(
            "(-?\\d+) km in (-?\\d+) min \\((-?\\d+) km/h, limit (-?\\d+) km/h\\)",
            Arg.TEXT,
            Arg.TEXT,
            Arg.TEXT,
            Arg.TEXT),
    UNUSUAL_HOUR(
            "(\\w+) at (\\d\\d):00, an hour with (\\d+\\.\\d)% of this subject's activity",
            Arg.SIGNAL_TYPE, Arg.TEXT, Arg.TEXT),
    OTP_BURST("(\\d+) one-time codes within (\\d+) min \\(limit (\\d+)\\)", Arg.TEXT, Arg.TEXT, Arg.TEXT),
    CREDIT_APPLICATIONS(
            "(\\d+) credit or loan applications within (\\d+) min \\(limit (\\d+)\\)", Arg.TEXT, Arg.TEXT, Arg.TEXT),
    CONTACT_CHANGE_THEN_PAYMENT("(\\w+) (-?\\d+) min after the contact details changed", Arg.SIGNAL_TYPE, Arg.TEXT),
    NEW_INSTITUTION("Account opened at an institution this subject never used"),
    /** A tenant's CEL rule matched: its name, the signal's type. */
    RULE_MATCHED("Tenant rule '([A-Za-z0-9_.-]+)' matched (\\w+)", Arg.TEXT, Arg.SIGNAL_TYPE),
    /** A sanctions hit: the list entry, the score (0–1). */
    SANCTIONS_MATCH("Name matches list entry (\\S+) with score ([0-9.Ee-]+)", Arg.TEXT, Arg.SCORE);

    /** How a page shows an argument. */
    public enum Arg {
        /** As written. */
        TEXT,
        /** A {@code SignalType} name, worded by the page's {@code monitor.signalType.*}. */
        SIGNAL_TYPE,
        /** A 0–1 score, to three decimals. */
        SCORE
    }

    /** The detector's name before the sentence on an identity-misuse alert's line ({@code NEW_DEVICE: …}). */
    private static final Pattern DETECTOR_PREFIX = Pattern.compile("^(?:[A-Z_]+|rule:[A-Za-z0-9_.-]+): ");

    private final Pattern english;
    private final List<Arg> args;

    ReasonCode(String english, Arg... args) {
        this.english = Pattern.compile(english);
        this.args = List.of(args);
    }

    public List<Arg> args() {
        return args;
    }

    /**
     * The code and arguments of a reason line as alerts store it ({@code DETECTOR: sentence}, or the
     * sentence alone); {@link Reason#unknown()} when no code's sentence matches.
     */
    public static Reason read(String line) {
        String sentence = DETECTOR_PREFIX.matcher(line).replaceFirst("");
        for (ReasonCode code : values()) {
            Optional<Reason> read = code.match(sentence);
            if (read.isPresent()) {
                return read.get();
            }
        }
        return Reason.unknown();
    }

    private Optional<Reason> match(String sentence) {
        Matcher matcher = english.matcher(sentence);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<String> found = new java.util.ArrayList<>();
        for (int group = 1; group <= matcher.groupCount(); group++) {
            found.add(matcher.group(group));
        }
        return Optional.of(new Reason(name(), found));
    }
}

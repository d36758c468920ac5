package app.thaw.cases.incident;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Why a clock was cancelled, as the timeline and {@code thaw.case.clock_cancelled} word it in English
 * ({@code reason}), and read back from that sentence for pages in another language: the cause, the
 * scenario or outcome it names, and the reason a person typed, which stays as typed.
 *
 * @param kind  the cause; {@link Kind#OTHER} for a sentence none of these wrote
 * @param value the scenario ({@link Kind#REPLANNED}) or outcome ({@link Kind#RESOLVED}) named, else null
 * @param typed the reason a person gave for the move that cancelled the clock, else null (for OTHER, the sentence)
 */
public record CancelCause(
        Kind kind, @Nullable String value, @Nullable String typed) {

    public enum Kind {
        REPLANNED,
        DECIDED,
        RECHASED,
        RESOLVED,
        REJECTED,
        CLOSED,
        PLAIN,
        OTHER
    }

    static final String PLAIN = "cancelled";
    static final String DECIDED = "a decision came: no more chasing";
    static final String RECHASED = "a newer contact re-planned the chase";
    private static final String REPLANNED = "the case was re-planned as ";
    private static final String REJECTED = "the platform's decision went against the holder: ";
    private static final String CLOSED = "the case was closed: ";
    private static final Pattern RESOLVED =
            Pattern.compile("the case was resolved \\(([A-Z_]+)\\): (.*)", Pattern.DOTALL);

    static String replanned(Scenario scenario) {
        return REPLANNED + scenario;
    }

    static String resolved(@Nullable Outcome outcome, @Nullable String reason) {
        return "the case was resolved (" + outcome + "): " + reason;
    }

    static String rejected(@Nullable String reason) {
        return REJECTED + reason;
    }

    static String closed(@Nullable String reason) {
        return CLOSED + reason;
    }

    /** The cause a clock-cancelled sentence names. */
    public static CancelCause read(String reason) {
        if (reason.equals(PLAIN)) {
            return new CancelCause(Kind.PLAIN, null, null);
        }
        if (reason.equals(DECIDED)) {
            return new CancelCause(Kind.DECIDED, null, null);
        }
        if (reason.equals(RECHASED)) {
            return new CancelCause(Kind.RECHASED, null, null);
        }
        if (reason.startsWith(REPLANNED)) {
            return new CancelCause(Kind.REPLANNED, reason.substring(REPLANNED.length()), null);
        }
        if (reason.startsWith(REJECTED)) {
            return new CancelCause(Kind.REJECTED, null, reason.substring(REJECTED.length()));
        }
        if (reason.startsWith(CLOSED)) {
            return new CancelCause(Kind.CLOSED, null, reason.substring(CLOSED.length()));
        }
        Matcher resolved = RESOLVED.matcher(reason);
        if (resolved.matches()) {
            return new CancelCause(Kind.RESOLVED, resolved.group(1), resolved.group(2));
        }
        return new CancelCause(Kind.OTHER, null, reason);
    }
}

package app.thaw.monitor.detection;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why a detector (or a screening) spoke, as a code and its arguments, for pages to word in their own
 * language; the English sentence the API has always carried stays beside it (docs/adr/0073).
 *
 * @param code a {@link ReasonCode} name; null when the sentence could not be read back (a line from before codes
 *             whose wording no code knows)
 * @param args the values the sentence names, as written in it (numbers without grouping, signal types by name)
 */
public record Reason(@Nullable String code, List<String> args) {

    private static final Reason UNKNOWN = new Reason(null, List.of());

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(ReasonCode code, Object... args) {
        return new Reason(
                code.name(), java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** A reason no code describes: pages show its sentence as written. */
    public static Reason unknown() {
        return UNKNOWN;
    }

    public boolean known() {
        return code != null;
    }
}

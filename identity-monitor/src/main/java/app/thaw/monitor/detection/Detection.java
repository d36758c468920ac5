package app.thaw.monitor.detection;

import java.time.Instant;
import java.util.List;

/**
 * One detector's finding on one signal.
 *
 * @param detector  the detector's name, e.g. {@code IMPOSSIBLE_TRAVEL}, or {@code rule:<name>} for a tenant rule
 * @param severity  how urgent
 * @param signalIds the signals behind it (Thaw ids)
 * @param at        the time of the signal that triggered it
 * @param reason    a sentence for staff, in English; never contains an identifier
 * @param why       the same reason as a code and its arguments, for pages in any language
 */
public record Detection(
        String detector, Severity severity, List<String> signalIds, Instant at, String reason, Reason why) {

    public Detection {
        signalIds = List.copyOf(signalIds);
    }

    /** A finding whose code is read back from its sentence ({@link ReasonCode#read}). */
    public Detection(String detector, Severity severity, List<String> signalIds, Instant at, String reason) {
        this(detector, severity, signalIds, at, reason, ReasonCode.read(reason));
    }
}

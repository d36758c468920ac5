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
 * @param reason    a sentence for staff; never contains an identifier
 */
public record Detection(String detector, Severity severity, List<String> signalIds, Instant at, String reason) {

    public Detection {
        signalIds = List.copyOf(signalIds);
    }
}

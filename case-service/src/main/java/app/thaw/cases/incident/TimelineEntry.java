package app.thaw.cases.incident;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the case's timeline: what happened, when (to the second), who did it and why.
 *
 * @param type the event's type without its prefix, e.g. {@code status_changed}
 */
public record TimelineEntry(Instant at, String type, String actor, String summary, Map<String, String> details) {

    public TimelineEntry {
        details = Map.copyOf(details);
    }
}

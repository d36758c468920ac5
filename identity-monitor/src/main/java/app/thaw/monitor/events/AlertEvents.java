package app.thaw.monitor.events;

import java.time.Instant;
import java.util.List;

import app.thaw.platform.events.EventType;
import org.jspecify.annotations.Nullable;

/** The {@code thaw.alert.*} events (docs/events.md). */
public final class AlertEvents {

    private AlertEvents() {}

    /**
     * An alert was raised. The subject's identifiers never travel: its id and a masked label only.
     * The sanctions members are present for a SANCTIONS_HIT only ({@code listId}/{@code listVersion}
     * also absent on alerts raised before lists were named).
     *
     * @param subjectLabel masked, e.g. {@code Z** W**}
     * @param listEntryId  OFAC SDN ent_num, or {@code listId:id} for other lists
     */
    @EventType("thaw.alert.raised")
    public record Raised(
            String alertId,
            String subjectId,
            String subjectLabel,
            String subjectType,
            String severity,
            String detector,
            String kind,
            List<String> signalIds,
            int count,
            Instant raisedAt,
            @Nullable String listEntryId,
            @Nullable Double score,
            @Nullable List<String> matchedFields,
            @Nullable String listId,
            @Nullable String listVersion) {}
}

package app.thaw.monitor.ingestion;

import java.util.List;

import app.thaw.monitor.signals.SignalType;
import org.jspecify.annotations.Nullable;

/**
 * A signal as a source sends it (one JSON object, or one NDJSON line). Fields are read loosely and
 * checked by {@link SignalValidator}, so every problem is reported per field, with its rule.
 *
 * @param signalId    the source's own id: sending it again is a duplicate, not a second signal
 * @param type        one of {@link SignalType}
 * @param occurredAt  ISO-8601 instant
 * @param identifiers the subject's identifiers as the source knows them (matched by keyed hash)
 */
public record SignalInput(
        @Nullable String signalId,
        @Nullable String type,
        @Nullable String occurredAt,
        @Nullable List<IdentifierInput> identifiers,
        @Nullable String device,
        @Nullable String ip,
        @Nullable Location location,
        @Nullable String institution,
        @Nullable Double amount,
        @Nullable String channel) {

    /** An identifier as sent. Never printed: {@code toString} hides the value. */
    public record IdentifierInput(
            @Nullable String type, @Nullable String value) {
        @Override
        public String toString() {
            return "IdentifierInput[" + type + "]";
        }
    }

    public record Location(@Nullable Double lat, @Nullable Double lon) {}

    @Override
    public String toString() {
        return "SignalInput[" + signalId + " " + type + "]";
    }
}

package app.thaw.monitor.signals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stored signal as the detectors see it: no identifiers (those were hashed to find the subject),
 * only what happened, when, where and through what.
 *
 * @param id             Thaw's id of the signal
 * @param sourceSignalId the source's own id (unique per tenant; what makes ingestion idempotent)
 * @param type           what happened
 * @param occurredAt     when the source says it happened
 * @param device         device fingerprint or id, when the source knows it
 * @param ip             IP address, when known
 * @param location       where, when known
 * @param institution    the bank or platform it happened at
 * @param amount         money involved (payments, withdrawals, credit applications)
 * @param channel        e.g. APP, WEB, BRANCH
 */
public record Signal(
        String id,
        String sourceSignalId,
        SignalType type,
        Instant occurredAt,
        @Nullable String device,
        @Nullable String ip,
        @Nullable GeoPoint location,
        @Nullable String institution,
        @Nullable Double amount,
        @Nullable String channel) {}

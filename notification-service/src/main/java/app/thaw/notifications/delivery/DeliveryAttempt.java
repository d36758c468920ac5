package app.thaw.notifications.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One attempt of a delivery: when, its outcome ({@code SUCCEEDED} or {@code FAILED}), how long it took, the provider's answer. */
public record DeliveryAttempt(
        int attempt,
        @Nullable Instant at,
        String status,
        long latencyMillis,
        @Nullable String provider,
        @Nullable String response) {}

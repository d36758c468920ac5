package app.thaw.cases.incident;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A stretch of time during which the case waited on one party; open while {@code until} is null. */
public record WaitingPeriod(
        Party party, Instant from, @Nullable Instant until) {}

package app.thaw.monitor;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/** What BlockHound lets pass in the monitor's test JVMs, each with its reason (the platform's list applies too). */
public class MonitorBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // springdoc builds the OpenAPI document once under a lock; with pre-loading on, that happens in
        // a background thread at start-up, and a request for /v3/api-docs arriving meanwhile (a test
        // right after the context starts, on a busy machine) waits for it that one time. Afterwards the
        // document is cached and the lock is uncontended.
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
        // OpenTelemetry's BatchSpanProcessor hands each ended span to its export worker through a
        // bounded queue whose lock is held for a few instructions, no I/O. Under heavy load (the
        // ingestion load run, with other builds on the machine) an event loop ending a request's span
        // can wait microseconds for it. Every service traces every request, so this is the platform's
        // too; it is here because the monitor's load run is what meets it.
        builder.allowBlockingCallsInside("io.opentelemetry.sdk.trace.export.BatchSpanProcessor$Worker", "addSpan");
    }
}

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
    }
}

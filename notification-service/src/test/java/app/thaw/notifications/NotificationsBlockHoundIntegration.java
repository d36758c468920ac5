package app.thaw.notifications;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets pass in this module's tests, beyond the platform's list. Every entry says
 * why it is not a defect.
 */
public class NotificationsBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // springdoc builds the OpenAPI document under a lock the first time it is asked for and then
        // serves its cached copy. A request arriving while the first build runs (this service has
        // many endpoints, so the build takes a while) parks on that lock until the document exists:
        // a one-time in-memory wait, no I/O.
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
    }
}

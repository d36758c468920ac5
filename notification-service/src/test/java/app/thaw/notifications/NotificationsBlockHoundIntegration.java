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
        // JMustache compiles a template by reading it through a java.io.Reader over an in-memory
        // String (StringReader): no I/O, but BlockHound cannot tell that reader from a blocking one.
        builder.allowBlockingCallsInside("com.samskivert.mustache.Mustache$Parser", "parse");
    }
}

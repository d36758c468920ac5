package app.thaw.platform.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets pass in Thaw's test JVMs. Every entry says why it is not a defect; add one
 * only with a reason, never to silence a real blocking call in Thaw's code.
 */
public class ThawBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Logback writes each event to the console synchronously. In tests that is the test
        // runner's output; in production logs go to a file or stdout buffered by the platform.
        builder.allowBlockingCallsInside("ch.qos.logback.classic.Logger", "callAppenders");
        // Hibernate Validator reads its message bundle from its jar on the first violation in
        // each locale, then caches it: a bounded, one-time classpath read.
        builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle");
        // UUID.randomUUID reads /dev/urandom through SecureRandom; on Linux that read never waits
        // once the kernel's entropy pool is seeded at boot. Event ids and relay claims use it.
        builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
        // The MongoDB driver's Netty transport guards its read state with a short lock, taken on the
        // event loop; it is held for bookkeeping only, never across I/O.
        builder.allowBlockingCallsInside("com.mongodb.internal.connection.netty.NettyStream", "handleReadResponse");
        // Spring WebFlux resolves static files (the gateway's Swagger UI) by checking that the jar
        // entry is readable, on the event loop; the content itself is then read asynchronously.
        builder.allowBlockingCallsInside("org.springframework.web.reactive.resource.PathResourceResolver", "getResource");
    }
}

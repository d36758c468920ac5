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
        builder.allowBlockingCallsInside(
                "org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle");
        // UUID.randomUUID reads /dev/urandom through SecureRandom; on Linux that read never waits
        // once the kernel's entropy pool is seeded at boot. Event ids and relay claims use it.
        builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
        // The same holds for SecureRandom's other users: the PKCE verifier and state of a console
        // login, session ids.
        builder.allowBlockingCallsInside("java.security.SecureRandom", "nextBytes");
        // Spring WebFlux resolves static files (the gateway's Swagger UI) by checking that the jar
        // entry is readable, on the event loop; the content itself is then read asynchronously.
        builder.allowBlockingCallsInside(
                "org.springframework.web.reactive.resource.PathResourceResolver", "getResource");
        // Server-rendered pages (the console, the dashboards): Thymeleaf reads a template from the
        // classpath the first time it is rendered and Spring reads a message bundle the first time
        // a locale asks for it; both are cached for the life of the application (template cache on,
        // the default). The engine's own one-time set-up is done at startup (see ConsolePages).
        builder.allowBlockingCallsInside(
                "org.thymeleaf.spring6.templateresource.SpringResourceTemplateResource", "reader");
        builder.allowBlockingCallsInside(
                "org.thymeleaf.spring6.templateresource.SpringResourceTemplateResource", "exists");
        builder.allowBlockingCallsInside("org.thymeleaf.templateparser.reader.BlockAwareReader", "read");
        builder.allowBlockingCallsInside(
                "org.springframework.context.support.ResourceBundleMessageSource", "getResourceBundle");
        // springdoc builds a service's OpenAPI document once (pre-loaded at start-up) and caches it:
        // the build scans the class path for @OpenAPIDefinition and holds a lock, so a request for
        // /v3/api-docs arriving before or during that one-time build reads class files or waits.
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
        builder.allowBlockingCallsInside("org.springdoc.core.service.OpenAPIService", "build");
        // OpenTelemetry's BatchSpanProcessor hands each ended span to its export worker through a
        // bounded queue whose lock is held for a few instructions, no I/O. Under heavy load (a load
        // run, other builds on the machine) an event loop ending a request's span can wait
        // microseconds for it. Every service traces every request (met first by the monitor's
        // ingestion run, then by notification-service's webhook benchmark).
        builder.allowBlockingCallsInside("io.opentelemetry.sdk.trace.export.BatchSpanProcessor$Worker", "addSpan");
        // The MongoDB driver guards small in-memory state with locks held for a few instructions and
        // no I/O: the cluster time, the queue of operations waiting for a pooled connection, a pool
        // handing a released connection to a waiting operation, a Netty stream's pending reads. Under
        // concurrent load (the Idempotency-Key tests send a hundred requests at once) an event-loop
        // thread can park on one for microseconds. The driver swallows the error BlockHound would
        // throw there and the operation never completes, so these must be allowed, not reported.
        for (String method : new String[] {"advance", "getCurrent", "greaterOf", "getClusterTime"}) {
            builder.allowBlockingCallsInside("com.mongodb.internal.connection.ClusterClock", method);
        }
        builder.allowBlockingCallsInside(
                "com.mongodb.internal.connection.DefaultConnectionPool$AsyncWorkManager", "enqueue");
        builder.allowBlockingCallsInside(
                "com.mongodb.internal.connection.DefaultConnectionPool$OpenConcurrencyLimiter", "tryHandOverOrRelease");
        builder.allowBlockingCallsInside("com.mongodb.internal.connection.netty.NettyStream", "handleReadResponse");
        builder.allowBlockingCallsInside("com.mongodb.internal.connection.netty.NettyStream", "readAsync");
        // Netty's adaptive buffer allocator takes a StampedLock for a few instructions when a burst of
        // reads makes it add a buffer magazine (many concurrent claims on the store's connections, a
        // streamed upload); no I/O happens under it.
        builder.allowBlockingCallsInside(
                "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    }
}

package app.thaw.monitor.subscription;

import java.util.concurrent.ConcurrentLinkedQueue;

import app.thaw.monitor.MonitorWebTestBase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The monitor with the other services' {@code /internal/usage} answered by real HTTP servers standing
 * in for them (case-service: 12 cases, evidence-service: 3 MiB; notification-service down) and a
 * service token from the test issuer. Subclasses share one context.
 */
abstract class AcrossServicesTestBase extends MonitorWebTestBase {

    record Asked(String service, String path, String authorization) {}

    protected static final ConcurrentLinkedQueue<Asked> asked = new ConcurrentLinkedQueue<>();
    // The servers live as long as the JVM: the context, cached for every subclass, points at them.
    static final DisposableServer cases =
            usageServer("case-service", "{\"tenantId\":\"x\",\"month\":\"m\",\"plan\":\"p\",\"used\":{\"cases\":12}}");
    static final DisposableServer evidence = usageServer(
            "evidence-service",
            "{\"tenantId\":\"x\",\"month\":\"m\",\"plan\":\"p\",\"used\":{\"evidenceStorageMb\":3}}");

    static DisposableServer usageServer(String service, String answer) {
        return HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> {
                    asked.add(new Asked(
                            service, request.uri(), request.requestHeaders().get("Authorization")));
                    return response.header("Content-Type", "application/json").sendString(Mono.just(answer));
                })
                .bindNow();
    }

    @DynamicPropertySource
    static void usageSources(DynamicPropertyRegistry registry) {
        registry.add("thaw.events.client.client-id", () -> "identity-monitor");
        registry.add("thaw.events.client.client-secret", () -> "test-secret");
        registry.add("thaw.events.client.token-uri", tokens::tokenUri);
        registry.add("thaw.monitor.subscription.usage-sources.case-service", () -> "http://127.0.0.1:" + cases.port());
        registry.add(
                "thaw.monitor.subscription.usage-sources.evidence-service",
                () -> "http://127.0.0.1:" + evidence.port() + "/");
        // notification-service is down: nothing listens on port 9.
        registry.add("thaw.monitor.subscription.usage-sources.notification-service", () -> "http://127.0.0.1:9");
    }
}

package app.thaw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import app.thaw.systemtests.support.Keycloak;
import app.thaw.systemtests.support.OtlpReceiver;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One trace follows a call from the caller through the gateway into a service: the caller's W3C
 * trace context is continued, and both processes export their spans over OTLP to the receiver in
 * this JVM.
 */
@ExtendWith(ThawPlatform.class)
@Order(30)
class TracingIT {

    @Test
    void aCallersTraceContinuesThroughTheGatewayIntoTheService(ThawPlatform thaw) {
        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        String traceId = hex.formatHex(random.generateSeed(16));
        String callerSpan = hex.formatHex(random.generateSeed(8));
        String token = new Keycloak(thaw).clientToken("demo-bank", "demo-bank-secret");

        WebTestClient.bindToServer()
                .baseUrl(thaw.gatewayUrl())
                .responseTimeout(Duration.ofSeconds(15))
                .build()
                .get()
                .uri("/api/v1/monitor/whoami")
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.set("traceparent", "00-" + traceId + "-" + callerSpan + "-01");
                })
                .exchange()
                .expectStatus()
                .isOk();

        // The gateway's server span is the caller's span's child; the service's spans are in the same trace.
        List<OtlpReceiver.Span> trace = thaw.traces()
                .awaitTrace(
                        traceId,
                        spans -> spans.stream()
                                        .anyMatch(span -> span.service().equals("gateway")
                                                && span.parentSpanId().equals(callerSpan))
                                && spans.stream()
                                        .anyMatch(span -> span.service().equals("identity-monitor")),
                        Duration.ofSeconds(60));
        OtlpReceiver.Span atGateway = trace.stream()
                .filter(span ->
                        span.service().equals("gateway") && span.parentSpanId().equals(callerSpan))
                .findFirst()
                .orElseThrow();
        assertThat(trace)
                .filteredOn(span -> span.service().equals("identity-monitor"))
                .as("the service's span descends from the gateway's, not from a fresh trace")
                .allSatisfy(span -> assertThat(span.traceId()).isEqualTo(traceId))
                .isNotEmpty();
        assertThat(atGateway.traceId()).isEqualTo(traceId);
    }
}

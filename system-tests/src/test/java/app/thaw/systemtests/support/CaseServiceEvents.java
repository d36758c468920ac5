package app.thaw.systemtests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import app.thaw.platform.testing.CloudEvents;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * case-service's events as its relay sends them, for the system tests that stand in for case-service: a
 * {@code thaw.case.opened} CloudEvent, delivered to another service's {@code /internal/events} with case-service's
 * own token.
 */
public final class CaseServiceEvents {

    private CaseServiceEvents() {}

    /** A {@code thaw.case.opened} event for {@code caseId} of {@code tenant}, sent now. */
    public static Map<String, Object> opened(String caseId, String tenant, Map<String, Object> data) {
        return CloudEvents.envelope("/thaw/case-service", "thaw.case.opened", tenant, caseId, data);
    }

    /**
     * The data of a {@code thaw.case.opened} for a risky-transaction case (no drill, not restricted), opened now, of
     * an enterprise holder.
     */
    public static Map<String, Object> openedData(
            String caseId, String reference, String platform, String scope, String holderName, String holderAccount) {
        return Map.of(
                "caseId",
                caseId,
                "scenario",
                "RISK_TXN",
                "drill",
                false,
                "restricted",
                false,
                "reference",
                reference,
                "platform",
                platform,
                "scope",
                scope,
                "openedAt",
                Instant.now().toString(),
                "holder",
                Map.of("type", "ENTERPRISE", "displayName", holderName, "accountReference", holderAccount));
    }

    /** Delivers {@code event} to {@code service}'s {@code /internal/events} as case-service: 200. */
    public static void deliver(ThawPlatform thaw, Keycloak keycloak, String service, Map<String, Object> event) {
        WebTestClient.bindToServer()
                .baseUrl(thaw.serviceUrl(service))
                .responseTimeout(Duration.ofSeconds(15))
                .build()
                .post()
                .uri("/internal/events")
                .headers(h -> h.setBearerAuth(keycloak.clientToken("case-service", "case-service-dev-secret")))
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue(event)
                .exchange()
                .expectStatus()
                .isOk();
    }
}

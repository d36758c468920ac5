package app.thaw.systemtests;

import java.time.Duration;
import java.util.Map;

import app.thaw.platform.testing.CloudEvents;
import app.thaw.systemtests.support.Keycloak;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Events between services with real Keycloak tokens: a service's client-credentials token is
 * what another service's /internal/events accepts; a user's token, even an administrator's, is
 * refused; a second delivery of the same event is acknowledged as a duplicate. And the
 * controllable clock the journeys use is on in the system tests, for service tokens only.
 */
@ExtendWith(ThawPlatform.class)
@Order(20)
class ServiceEventsIT {

    static Keycloak keycloak;
    static WebTestClient caseService;

    @BeforeAll
    static void connect(ThawPlatform platform) {
        keycloak = new Keycloak(platform);
        caseService = WebTestClient.bindToServer()
                .baseUrl(platform.serviceUrl("case-service"))
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    @Test
    void anotherServicesTokenDeliversAnEventOnceAndAUsersTokenIsRefused() {
        Map<String, Object> event = CloudEvents.envelope(
                "/thaw/evidence-service", "thaw.system.probe", "acme", "probe-1", Map.of("probe", true));
        String serviceToken = keycloak.clientToken("evidence-service", "evidence-service-dev-secret");

        for (String expected : new String[] {"processed", "duplicate"}) {
            caseService
                    .post()
                    .uri("/internal/events")
                    .headers(h -> h.setBearerAuth(serviceToken))
                    .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                    .bodyValue(event)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(expected);
        }
        caseService
                .post()
                .uri("/internal/events")
                .headers(h -> h.setBearerAuth(keycloak.userToken("platform-admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(event)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("forbidden");
    }

    @Test
    void theJourneysClockMovesForwardForAServiceTokenOnly() {
        String serviceToken = keycloak.clientToken("notification-service", "notification-service-dev-secret");
        Duration before = offset(serviceToken);
        caseService
                .post()
                .uri("/internal/clock/advance")
                .headers(h -> h.setBearerAuth(serviceToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("by", "PT1M"))
                .exchange()
                .expectStatus()
                .isOk();
        org.assertj.core.api.Assertions.assertThat(offset(serviceToken)).isEqualTo(before.plusMinutes(1));
        caseService
                .post()
                .uri("/internal/clock/advance")
                .headers(h -> h.setBearerAuth(keycloak.userToken("platform-admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("by", "PT1M"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private static Duration offset(String token) {
        String offset = caseService
                .get()
                .uri("/internal/clock")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("offset")
                .toString();
        return Duration.parse(offset);
    }
}

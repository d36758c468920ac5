package app.thaw.notifications.inapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import app.thaw.notifications.NotificationsTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class InboxStreamTests extends NotificationsTestBase {

    @Test
    void aDashboardStreamReceivesTheUsersInAppMessagesAsTheyAreDelivered() {
        String tenant = newTenant();
        registerStaff(tenant, "Agent", "agent-s", "staff_agent");
        Flux<ServerSentEvent<Map<String, Object>>> stream = web.get()
                .uri("/api/v1/notifications/inbox/stream")
                .headers(h -> h.setBearerAuth(token(tenant, "agent-s", "staff_agent")))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody();
        Flux<ServerSentEvent<Map<String, Object>>> others = web.get()
                .uri("/api/v1/notifications/inbox/stream")
                .headers(h -> h.setBearerAuth(token(newTenant(), "agent-s", "staff_agent")))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody();

        // The staff member's own message and, as the tenant has no client recipient, the tenant-wide one.
        StepVerifier.create(stream.filter(event -> event.data() != null).take(2).collectList())
                .then(() -> deliver(event(
                                tenant,
                                "thaw.case.opened",
                                "case-s",
                                Map.of(
                                        "caseId",
                                        "case-s",
                                        "scenario",
                                        "RISK_TXN",
                                        "drill",
                                        true,
                                        "restricted",
                                        false,
                                        "reference",
                                        "TH-S")))
                        .expectStatus()
                        .isOk())
                .assertNext(events -> {
                    assertThat(events).allSatisfy(event -> {
                        assertThat(event.event()).isEqualTo("message");
                        assertThat(event.data()).containsEntry("eventType", "thaw.case.opened");
                        assertThat((String) event.data().get("title")).startsWith("[DRILL] [TH-S]");
                    });
                    assertThat(events)
                            .extracting(event -> event.data().get("userId"))
                            .containsExactlyInAnyOrder("agent-s", null);
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        // Another tenant's stream saw nothing of it.
        StepVerifier.create(others.filter(event -> event.data() != null).take(Duration.ofMillis(300)))
                .verifyComplete();
    }
}

package app.thaw.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import app.thaw.platform.testing.ApiAnswers;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Settings, rules, alerts' life cycle, metering and the OpenAPI document. */
class MonitorApiTests extends MonitorWebTestBase {

    @Test
    void settingsStartAtTheDefaultsAndAStaleWriteIsAVersionConflict() {
        String tenant = newTenant();
        String token = bank(tenant);
        Map<?, ?> read = getAs(token, "/api/v1/monitor/settings")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(read.get("version")).isEqualTo(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = new java.util.HashMap<>((Map<String, Object>) read.get("settings"));
        assertThat(settings).containsEntry("maxTravelSpeedKmh", 900.0).containsEntry("creditApplicationsCount", 3);
        settings.put("maxTravelSpeedKmh", 500);
        settings.put("version", 0);
        putSettings(token, settings)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1)
                .jsonPath("$.settings.maxTravelSpeedKmh")
                .isEqualTo(500.0);
        putSettings(token, settings)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");
        settings.put("maxTravelSpeedKmh", 0);
        settings.put("version", 1);
        putSettings(token, settings)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("maxTravelSpeedKmh")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("DecimalMin");
    }

    @Test
    void aTenantsOwnThresholdDecidesWhatIsDetected() {
        String tenant = newTenant();
        String token = bank(tenant);
        @SuppressWarnings("unchecked")
        Map<String, Object> settings =
                new java.util.HashMap<>((Map<String, Object>) getAs(token, "/api/v1/monitor/settings")
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("settings"));
        settings.put("creditApplicationsCount", 2);
        settings.put("version", 0);
        putSettings(token, settings).expectStatus().isOk();
        enrol(tenant, Map.of("PHONE", "+8613444440000"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(tenant, signal("c-1", "CREDIT_APPLICATION", now.minusSeconds(600), "+8613444440000", Map.of()))
                .expectStatus()
                .isAccepted();
        assertThat(alerts(tenant)).isEmpty();
        post(tenant, signal("c-2", "CREDIT_APPLICATION", now.minusSeconds(300), "+8613444440000", Map.of()))
                .expectStatus()
                .isAccepted();
        assertThat(alerts(tenant)).singleElement().satisfies(alert -> {
            assertThat(alert.get("detectors", Document.class).keySet()).containsExactly("CREDIT_APPLICATIONS");
            assertThat(alert.getString("severity")).isEqualTo("HIGH");
        });
    }

    @Test
    void concurrentDeliveriesOfOneSignalStoreItOnce() {
        String tenant = newTenant();
        enrol(tenant, Map.of("PHONE", "+8613555550000"));
        Map<String, Object> signal = signal(
                "same-1",
                "LOGIN",
                Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS),
                "+8613555550000",
                Map.of("device", "d1"));
        List<Integer> statuses = reactor.core.publisher.Flux.range(0, 20)
                .flatMap(
                        i -> reactor.core.publisher.Mono.fromCallable(() -> post(tenant, signal)
                                        .returnResult(String.class)
                                        .getStatus()
                                        .value())
                                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()),
                        20)
                .collectList()
                .block();
        assertThat(statuses).filteredOn(status -> status == 202).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(19);
        assertThat(signalCount(tenant)).isEqualTo(1);
    }

    @Test
    void aRuleThatDoesNotCompileIsRefusedNamingTheExpression() {
        String tenant = newTenant();
        postJson(
                        bank(tenant),
                        "/api/v1/monitor/rules",
                        Map.of("name", "broken", "expression", "signal.type == ", "severity", "HIGH", "enabled", true))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("expression")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("Cel");
        postJson(
                        bank(tenant),
                        "/api/v1/monitor/rules",
                        Map.of(
                                "name",
                                "not-bool",
                                "expression",
                                "signal.amount + 1.0",
                                "severity",
                                "HIGH",
                                "enabled",
                                true))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void aTenantRuleRaisesAnAlertOnTheSignalsItMatches() {
        String tenant = newTenant();
        postJson(
                        bank(tenant),
                        "/api/v1/monitor/rules",
                        Map.of(
                                "name",
                                "big-card-night",
                                "severity",
                                "MEDIUM",
                                "enabled",
                                true,
                                "expression",
                                "signal.type == 'CARD_ISSUED' && signal.amount > 10000.0 && baseline.lastDay['LOGIN'] == 0"))
                .expectStatus()
                .isCreated();
        enrol(tenant, Map.of("PHONE", "+8613111110000"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(tenant, signal("r-1", "CARD_ISSUED", now.minusSeconds(600), "+8613111110000", Map.of("amount", 500)))
                .expectStatus()
                .isAccepted();
        assertThat(alerts(tenant)).isEmpty();
        post(tenant, signal("r-2", "CARD_ISSUED", now.minusSeconds(300), "+8613111110000", Map.of("amount", 20000)))
                .expectStatus()
                .isAccepted();
        assertThat(alerts(tenant))
                .singleElement()
                .satisfies(alert -> assertThat(
                                alert.get("detectors", Document.class).keySet())
                        .containsExactly("rule:big-card-night"));
    }

    @Test
    void anAlertMovesNewAcknowledgedEscalatedAndRefusesGoingBack() {
        String tenant = newTenant();
        enrol(tenant, Map.of("PHONE", "+8613222220000"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(tenant, signal("a-1", "LOGIN", now.minusSeconds(900), "+8613222220000", Map.of("device", "d1")))
                .expectStatus()
                .isAccepted();
        post(tenant, signal("a-2", "LOGIN", now.minusSeconds(600), "+8613222220000", Map.of("device", "d2")))
                .expectStatus()
                .isAccepted();
        String id = alerts(tenant).getFirst().getString("_id");
        String agent = token(tenant, "staff_agent");
        expectMoved(
                postJson(agent, "/api/v1/monitor/alerts/" + id + "/acknowledge", Map.of("version", 1)),
                "ACKNOWLEDGED",
                2);
        postJson(agent, "/api/v1/monitor/alerts/" + id + "/escalate", Map.of("version", 1))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");
        postJson(
                        agent,
                        "/api/v1/monitor/alerts/" + id + "/escalate",
                        Map.of("version", 2, "reason", "customer confirms fraud"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ESCALATED")
                .jsonPath("$.severity")
                .isEqualTo("HIGH");
        assertThat(outbox(tenant)).isNotEmpty();
        postJson(agent, "/api/v1/monitor/alerts/" + id + "/acknowledge", Map.of("version", 3))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("alert_transition_not_allowed")
                .jsonPath("$.currentState")
                .isEqualTo("ESCALATED");
        getAs(bank(newTenant()), "/api/v1/monitor/alerts/" + id).expectStatus().isNotFound();
        getAs(agent, "/api/v1/monitor/alerts?state=ESCALATED")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(id);
    }

    @Test
    void usageIsMeteredPerTenantAndMonth() {
        String tenant = newTenant();
        enrol(tenant, Map.of("PHONE", "+8613333330000", "NAME_LATIN", "Sun Li"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(tenant, signal("m-1", "LOGIN", now.minusSeconds(60), "+8613333330000", Map.of()))
                .expectStatus()
                .isAccepted();
        post(tenant, signal("m-2", "LOGIN", now.minusSeconds(30), "+8613333330000", Map.of()))
                .expectStatus()
                .isAccepted();
        post(tenant, signal("m-2", "LOGIN", now.minusSeconds(30), "+8613333330000", Map.of()))
                .expectStatus()
                .isOk();
        getAs(bank(tenant), "/api/v1/monitor/usage")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.subjectsEnrolled")
                .isEqualTo(1)
                .jsonPath("$.signals")
                .isEqualTo(2)
                .jsonPath("$.screenings")
                .isEqualTo(1);
        getAs(bank(tenant), "/api/v1/monitor/usage?month=2020-01")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.signals")
                .isEqualTo(0);
        // A month outside 1970–2100 (or none at all) is named like a body's field (ADR 58).
        for (String month : new String[] {"2101-01", "1969-12", "+999999999-12", "2026-13"}) {
            ApiAnswers.firstViolation(
                    web.get()
                            .uri(uri -> uri.path("/api/v1/monitor/usage")
                                    .queryParam("month", month)
                                    .build())
                            .headers(h -> h.setBearerAuth(bank(tenant)))
                            .exchange(),
                    "month",
                    "DateWindow");
        }
    }

    @Test
    void theOpenApiDocumentListsTheMonitorEndpoints() {
        ApiAnswers.apiDocument(web)
                .jsonPath("$.paths['/api/v1/monitor/subjects'].post.summary")
                .exists()
                .jsonPath("$.paths['/api/v1/monitor/signals'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/monitor/signals/batch'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/monitor/alerts'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/monitor/rules'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/monitor/screening/check'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/monitor/usage'].get")
                .exists();
    }

    /** The tenant's detection settings written as {@code token}'s caller. */
    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec putSettings(
            String token, Map<String, Object> settings) {
        return putJson(token, "/api/v1/monitor/settings", settings);
    }
}

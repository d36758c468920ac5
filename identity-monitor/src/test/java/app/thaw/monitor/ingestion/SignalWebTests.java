package app.thaw.monitor.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import app.thaw.monitor.MonitorWebTestBase;
import app.thaw.platform.testing.ApiAnswers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

class SignalWebTests extends MonitorWebTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();

    static Instant minutesAgo(long minutes) {
        return Instant.now().minus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aSignalIsAcceptedOnceAndItsRepeatIsADuplicate() {
        String tenant = newTenant();
        String subject = enrol(tenant, Map.of("PHONE", "+86 138 0013 8000", "NAME_LATIN", "Chen Jing"));
        Map<String, Object> login = signal("bank-1", "LOGIN", minutesAgo(5), "+8613800138000", Map.of("device", "d1"));
        String id = post(tenant, login)
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        post(tenant, login)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("duplicate")
                .jsonPath("$.id")
                .isEqualTo(id);
        getAs(bank(tenant), "/api/v1/monitor/signals?subjectId=" + subject)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].signalId")
                .isEqualTo("bank-1");
        getAs(bank(tenant), "/api/v1/monitor/subjects/" + subject + "/baseline")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.signalCount")
                .isEqualTo(1)
                .jsonPath("$.knownDevices.d1")
                .exists();
    }

    @Test
    void resendingASignalWhoseProcessingDidNotFinishCompletesIt() {
        String tenant = newTenant();
        String subject = enrol(tenant, Map.of("PHONE", "+8613800990099"));
        post(tenant, signal("c-0", "LOGIN", minutesAgo(30), "+8613800990099", Map.of("device", "d1")))
                .expectStatus()
                .isAccepted();
        // As a crash right after the insert leaves it: stored, matched, never seen by the baseline.
        mongo.insert(
                        new Document("_id", "sig_crashed")
                                .append("tenantId", tenant)
                                .append("sourceSignalId", "c-1")
                                .append("type", "LOGIN")
                                .append("occurredAt", java.util.Date.from(minutesAgo(20)))
                                .append("receivedAt", java.util.Date.from(minutesAgo(20)))
                                .append("identifierHashes", List.of())
                                .append("subjectIds", List.of(subject))
                                .append("device", "d2")
                                .append("processed", false),
                        "signals")
                .block();
        post(tenant, signal("c-1", "LOGIN", minutesAgo(20), "+8613800990099", Map.of("device", "d2")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.result")
                .isEqualTo("duplicate")
                .jsonPath("$.id")
                .isEqualTo("sig_crashed");
        assertThat(alerts(tenant))
                .singleElement()
                .satisfies(alert -> assertThat(
                                alert.get("detectors", Document.class).keySet())
                        .containsExactly("NEW_DEVICE"));
        assertThat(mongo.findById("sig_crashed", Document.class, "signals")
                        .block()
                        .getBoolean("processed"))
                .isTrue();
        // Sent once more, it is learnt already: nothing grows.
        post(tenant, signal("c-1", "LOGIN", minutesAgo(20), "+8613800990099", Map.of("device", "d2")))
                .expectStatus()
                .isOk();
        assertThat(alerts(tenant).getFirst().get("count", Number.class).intValue())
                .isEqualTo(1);
    }

    @Test
    void aSignalTooFarInTheFutureIsRefusedNamingTheField() {
        String tenant = newTenant();
        ApiAnswers.firstViolation(
                post(
                        tenant,
                        signal("f-1", "LOGIN", Instant.now().plus(Duration.ofHours(1)), "+8613800000001", Map.of())),
                "occurredAt",
                "NotFuture");
    }

    @Test
    void aSignalFromBefore1970IsRefusedNamingTheField() {
        String tenant = newTenant();
        ApiAnswers.firstViolation(
                post(tenant, signal("w-1", "LOGIN", Instant.parse("1969-12-31T23:59:59Z"), "+8613800000001", Map.of())),
                "occurredAt",
                "DateWindow");
    }

    @Test
    void anUnknownTypeAndABadLocationAreEachNamed() {
        String tenant = newTenant();
        post(
                        tenant,
                        signal(
                                "x-1",
                                "TELEPORT",
                                minutesAgo(1),
                                "+8613800000001",
                                Map.of("location", Map.of("lat", 91, "lon", 0))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'type')].rule")
                .isEqualTo(List.of("OneOf"))
                .jsonPath("$.errors[?(@.field == 'location.lat')].rule")
                .isEqualTo(List.of("Range"));
    }

    @Test
    void aBatchAnswersPerLineAndNeverDropsGoodLinesBecauseOfBadOnes() {
        String tenant = newTenant();
        enrol(tenant, Map.of("PHONE", "+8613900000009"));
        post(tenant, signal("b-0", "LOGIN", minutesAgo(30), "+8613900000009", Map.of()))
                .expectStatus()
                .isAccepted();
        String body = String.join(
                "\n",
                json(signal("b-1", "LOGIN", minutesAgo(20), "+8613900000009", Map.of("device", "d1"))),
                "{not json",
                json(signal("b-0", "LOGIN", minutesAgo(30), "+8613900000009", Map.of())),
                json(signal("b-2", "CARD_ISSUED", Instant.now().plus(Duration.ofDays(2)), "+8613900000009", Map.of())),
                "",
                json(signal("b-3", "OTP_REQUESTED", minutesAgo(10), "+8613900000009", Map.of())),
                json(signal("b-3", "OTP_REQUESTED", minutesAgo(10), "+8613900000009", Map.of())),
                "{\"signalId\":\"b-4\",\"type\":\"LOGIN\",\"occurredAt\":\"yesterday\",\"identifiers\":[{\"type\":\"PHONE\",\"value\":\"+8613900000009\"}]}",
                "{\"signalId\":\"b-5\",\"type\":\"LOGIN\",\"occurredAt\":\"" + minutesAgo(5)
                        + "\",\"identifiers\":\"oops\"}");
        batch(tenant, body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(2)
                .jsonPath("$.duplicate")
                .isEqualTo(2)
                .jsonPath("$.invalid")
                .isEqualTo(4)
                .jsonPath("$.results[0].line")
                .isEqualTo(1)
                .jsonPath("$.results[0].result")
                .isEqualTo("accepted")
                .jsonPath("$.results[0].matchedSubjects")
                .isEqualTo(1)
                .jsonPath("$.results[1].line")
                .isEqualTo(2)
                .jsonPath("$.results[1].result")
                .isEqualTo("invalid")
                .jsonPath("$.results[1].errors[0].rule")
                .isEqualTo("Json")
                .jsonPath("$.results[2].result")
                .isEqualTo("duplicate")
                .jsonPath("$.results[3].result")
                .isEqualTo("invalid")
                .jsonPath("$.results[3].errors[0].field")
                .isEqualTo("occurredAt")
                .jsonPath("$.results[4].line")
                .isEqualTo(6)
                .jsonPath("$.results[4].result")
                .isEqualTo("accepted")
                .jsonPath("$.results[5].line")
                .isEqualTo(7)
                .jsonPath("$.results[5].result")
                .isEqualTo("duplicate")
                .jsonPath("$.results[6].errors[0].rule")
                .isEqualTo("Instant")
                .jsonPath("$.results[7].errors[0].field")
                .isEqualTo("identifiers");
        assertThat(signalCount(tenant)).isEqualTo(3);
    }

    @Test
    void aBatchOfMoreThanTenThousandLinesIsRefusedWhole() {
        String tenant = newTenant();
        String line = json(signal("x", "LOGIN", minutesAgo(1), "+8613900000009", Map.of()));
        String body = IntStream.range(0, 10_001)
                .mapToObj(i -> line.replace("\"x\"", "\"x" + i + "\""))
                .collect(Collectors.joining("\n"));
        batch(tenant, body)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("batch_too_large");
        assertThat(signalCount(tenant)).isZero();
    }

    @Test
    void aBatchLineOrABatchTooLargeToHoldIsRefused() {
        String tenant = newTenant();
        String padding = "x".repeat(63 * 1024);
        String longLine = "{\"signalId\":\"l\",\"pad\":\"" + padding + padding + "\"}";
        batch(tenant, longLine)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("payload_too_large");
        String line = "{\"signalId\":\"l\",\"pad\":\"" + padding + "\"}";
        String body = IntStream.range(0, 270).mapToObj(i -> line).collect(Collectors.joining("\n"));
        batch(tenant, body)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("payload_too_large")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("16 MiB"));
    }

    @Test
    void journeyFourThreeLoanApplicationsFromANewDeviceFarFromALoginTwentyMinutesEarlierRaiseOneHighAlert() {
        String tenant = "bank-demo-" + newTenant();
        String subject = enrol(
                tenant,
                Map.of(
                        "PHONE",
                        "+8613700000007",
                        "NATIONAL_ID",
                        "110101199003074514",
                        "NAME_NATIVE",
                        "张伟",
                        "NAME_LATIN",
                        "Zhang Wei"));
        Instant login = minutesAgo(60);
        post(
                        tenant,
                        signal(
                                "j-login",
                                "LOGIN",
                                login,
                                "+8613700000007",
                                Map.of("device", "phone-1", "location", BEIJING)))
                .expectStatus()
                .isAccepted();
        String body = IntStream.of(20, 35, 50)
                .mapToObj(
                        m -> json(journeyFourLoan("j-loan-" + m, login.plus(Duration.ofMinutes(m)), "+8613700000007")))
                .collect(Collectors.joining("\n"));
        batch(tenant, body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(3);

        List<Document> alerts = alerts(tenant);
        assertThat(alerts).hasSize(1);
        Document alert = alerts.getFirst();
        assertThat(alert.getString("severity")).isEqualTo("HIGH");
        assertThat(alert.getString("kind")).isEqualTo("IDENTITY_MISUSE");
        assertThat(alert.getString("subjectId")).isEqualTo(subject);
        assertThat(alert.get("detectors", Document.class).keySet())
                .containsExactly("NEW_DEVICE", "IMPOSSIBLE_TRAVEL", "CREDIT_APPLICATIONS");
        assertThat(alert.getList("signalIds", String.class)).hasSize(4);

        List<Document> events = outbox(tenant);
        assertThat(events)
                .extracting(e -> e.getString("subscriber"))
                .containsExactlyInAnyOrder("case-service", "notification-service");
        Document event = events.getFirst().get("event", Document.class);
        assertThat(event.getString("type")).isEqualTo("thaw.alert.raised");
        assertThat(event.getString("traceparent"))
                .as("the consumer joins the request's trace")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        Document data = event.get("data", Document.class);
        assertThat(data.getString("alertId")).isEqualTo(alert.getString("_id"));
        assertThat(data.getString("severity")).isEqualTo("HIGH");
        assertThat(data.getString("kind")).isEqualTo("IDENTITY_MISUSE");
        assertThat(data.getString("subjectLabel")).isEqualTo("Z**** W**");
        // Announced the moment it became HIGH (impossible travel: the login and the first loan), once.
        assertThat(data.getList("signalIds", String.class))
                .hasSize(2)
                .isSubsetOf(alert.getList("signalIds", String.class));
    }

    @Test
    void repeatedDetectionsForOneSubjectWithinTheWindowGrowOneAlertAndLaterOnesOpenAnother() {
        String tenant = newTenant();
        enrol(tenant, Map.of("PHONE", "+8613600000006"));
        Instant start = minutesAgo(60 * 24 * 5);
        post(tenant, signal("w-0", "LOGIN", start, "+8613600000006", Map.of("device", "d0")))
                .expectStatus()
                .isAccepted();
        post(tenant, signal("w-1", "LOGIN", start.plus(Duration.ofHours(1)), "+8613600000006", Map.of("device", "d1")))
                .expectStatus()
                .isAccepted();
        post(tenant, signal("w-2", "LOGIN", start.plus(Duration.ofHours(2)), "+8613600000006", Map.of("device", "d2")))
                .expectStatus()
                .isAccepted();
        assertThat(alerts(tenant)).singleElement().satisfies(alert -> {
            assertThat(alert.get("count", Number.class).intValue()).isEqualTo(2);
            assertThat(alert.get("detectors", Document.class).getInteger("NEW_DEVICE"))
                    .isEqualTo(2);
            assertThat(alert.getString("severity")).isEqualTo("MEDIUM");
        });
        assertThat(outbox(tenant)).as("MEDIUM alerts are not announced").isEmpty();
        post(tenant, signal("w-3", "LOGIN", start.plus(Duration.ofDays(2)), "+8613600000006", Map.of("device", "d3")))
                .expectStatus()
                .isAccepted();
        assertThat(alerts(tenant)).hasSize(2);
    }

    @Test
    void aSignalForUnknownIdentifiersIsStoredButMatchesNoSubject() {
        String tenant = newTenant();
        post(tenant, signal("u-1", "LOGIN", minutesAgo(1), "+8610000000000", Map.of()))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.matchedSubjects")
                .isEqualTo(0);
    }

    @Test
    void anotherTenantsSubjectIsNotMatched() {
        String tenant = newTenant();
        enrol(tenant, Map.of("PHONE", "+8613500000005"));
        post(newTenant(), signal("o-1", "LOGIN", minutesAgo(1), "+8613500000005", Map.of()))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.matchedSubjects")
                .isEqualTo(0);
    }

    static String json(Map<String, Object> value) {
        return JSON.writeValueAsString(value);
    }

    /** An NDJSON batch of signals sent by the tenant's bank. */
    private WebTestClient.ResponseSpec batch(String tenant, String ndjson) {
        return web.post()
                .uri("/api/v1/monitor/signals/batch")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(ndjson)
                .exchange();
    }
}

package app.thaw.monitor.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.MonitorWebTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * Drives every path that handles plain identifiers — enrolment, lookup, signals (good, invalid,
 * malformed, batch), a HIGH alert, screening, erasure refused — then scans what left the service:
 * the captured log output (the monitor's own code at DEBUG), the problem documents answered, the
 * events in the outbox, and the stored documents.
 */
@ExtendWith(OutputCaptureExtension.class)
class PiiNeverLeaksTests extends MonitorWebTestBase {

    static final String PHONE = "+8618612345678";
    static final String PHONE_DIGITS = "18612345678";
    static final String NATIONAL_ID = "11010519491231002X";
    static final String EMAIL = "secret.person@example.org";
    static final String ACCOUNT = "6217000010001234567";
    static final String NATIVE = "赵秘密";
    static final String LATIN = "Zhao Mimi";

    @Test
    void plainIdentifiersNeverReachLogsProblemsEventsOrStoredDocuments(CapturedOutput output) {
        String tenant = newTenant();
        List<String> answered = new ArrayList<>();
        String subject = enrol(
                tenant,
                Map.of(
                        "PHONE",
                        PHONE,
                        "NATIONAL_ID",
                        NATIONAL_ID,
                        "EMAIL",
                        EMAIL,
                        "BANK_ACCOUNT",
                        ACCOUNT,
                        "NAME_NATIVE",
                        NATIVE,
                        "NAME_LATIN",
                        LATIN));
        answered.add(postJson(bank(tenant), "/api/v1/monitor/subjects/lookup", Map.of("type", "EMAIL", "value", EMAIL))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        // Invalid enrolment: the identifier type is wrong, the value must not be echoed.
        answered.add(postJson(
                        bank(tenant),
                        "/api/v1/monitor/subjects",
                        Map.of(
                                "type",
                                "PERSON",
                                "identifiers",
                                List.of(Map.of("type", "SHOE_SIZE", "value", NATIONAL_ID))))
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());

        Instant t = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        post(
                        tenant,
                        signal(
                                "p-1",
                                "LOGIN",
                                t,
                                PHONE,
                                Map.of("device", "d1", "location", Map.of("lat", 39.9, "lon", 116.4))))
                .expectStatus()
                .isAccepted();
        answered.add(post(
                        tenant, signal("p-bad", "LOGIN", Instant.now().plus(Duration.ofDays(3)), NATIONAL_ID, Map.of()))
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        String batch = String.join(
                "\n",
                "{\"signalId\":\"p-2\",\"type\":\"LOGIN\",\"occurredAt\":\"" + t.plus(Duration.ofMinutes(10))
                        + "\",\"identifiers\":[{\"type\":\"EMAIL\",\"value\":\"" + EMAIL + "\"}],\"device\":\"d9\","
                        + "\"location\":{\"lat\":29.1,\"lon\":116.4}}",
                "{\"signalId\":\"p-3\",\"type\":\"LOGIN\",\"identifiers\":{\"type\":\"PHONE\",\"value\":\"" + PHONE
                        + "\"}}",
                "{\"signalId\":\"p-4\",\"identifiers\":[{\"type\":\"PHONE\",\"value\":\"" + PHONE + "\"}], broken "
                        + ACCOUNT,
                "{\"signalId\":\"p-5\",\"type\":\"LOGIN\",\"occurredAt\":\"" + t
                        + "\",\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"" + NATIONAL_ID + "\"}]}");
        answered.add(web.post()
                .uri("/api/v1/monitor/signals/batch")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(batch)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        String officer = token(tenant, "compliance_officer");
        putJson(officer, "/api/v1/monitor/subjects/" + subject + "/legal-hold", Map.of("hold", true, "version", 1))
                .expectStatus()
                .isOk();
        answered.add(deleteAs(bank(tenant), "/api/v1/monitor/subjects/" + subject)
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());

        assertThat(alerts(tenant))
                .as("the path that raises and announces an alert ran")
                .isNotEmpty();
        assertThat(outbox(tenant)).as("an event was published").isNotEmpty();

        assertThat(output.getAll()).as("the log output is really captured").contains("Enrolled subject " + subject);
        List<String> stored = new ArrayList<>();
        for (String collection :
                List.of("subjects", "signals", "baselines", "alerts", "outbox", "audit_log", "usage")) {
            mongo.find(new Query(), Document.class, collection)
                    .map(Document::toJson)
                    .collectList()
                    .block()
                    .forEach(stored::add);
        }
        for (String secret :
                List.of(PHONE, PHONE_DIGITS, NATIONAL_ID, EMAIL, ACCOUNT, NATIVE, LATIN, "Mimi", "secret.person")) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
            assertThat(answered)
                    .as("answers")
                    .allSatisfy(body -> assertThat(body).doesNotContain(secret));
            assertThat(stored)
                    .as("stored documents and events")
                    .allSatisfy(doc -> assertThat(doc).doesNotContain(secret));
        }
        assertThat(signalCount(tenant)).isEqualTo(2);
    }
}

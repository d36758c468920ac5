package app.thaw.cases.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.thaw.platform.testing.ApiAnswers;
import org.junit.jupiter.api.Test;

/**
 * The probe's findings 6 and 7 on the case endpoints (ADR 55): a misspelt field is refused by name
 * instead of silently changing something, and dates at the extremes are 400 naming the field, not 500.
 */
class StrictRequestApiTests extends CaseApiTests {

    static final List<String> EXTREMES = List.of(
            "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "1969-12-31T23:59:59Z", "2101-01-01T00:00:00Z");

    @Test
    void aMisspeltPartyIsRefusedByNameAndWhomTheCaseWaitsOnStays() {
        String admin = token("strict1", "merchant_admin");
        String id = open("strict1", RISK_NOTICE);
        post("/api/v1/cases/" + id + "/waiting", admin, Map.of("party", "PLATFORM"))
                .expectStatus()
                .isOk();

        ApiAnswers.firstViolation(
                post("/api/v1/cases/" + id + "/waiting", admin, Map.of("on", "HOLDER")), "on", "UnknownField");
        org.assertj.core.api.Assertions.assertThat(read(id, admin).get("waitingOn"))
                .isEqualTo("PLATFORM");
    }

    @Test
    void anUnknownFieldInANestedIntakeObjectIsNamedWithItsPath() {
        Map<String, Object> intake = new HashMap<>(intake(RISK_NOTICE));
        intake.put(
                "holder",
                Map.of(
                        "type",
                        "ENTERPRISE",
                        "displayName",
                        "x",
                        "accountReference",
                        "ACC-1",
                        "acountReference",
                        "ACC-2"));
        post("/api/v1/cases", token("strict2", "merchant_admin"), intake)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("holder.acountReference")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .doesNotContain("ACC-2"));
    }

    @Test
    void extremeDatesOnIntakeContactsAndDrillsAre400NamingTheField() {
        String admin = token("strict3", "merchant_admin");
        String id = open("strict3", RISK_NOTICE);
        for (String at : EXTREMES) {
            Map<String, Object> intake = new HashMap<>(intake(RISK_NOTICE));
            intake.put("detectedAt", at);
            expectWindow(post("/api/v1/cases", admin, intake), "detectedAt");
            expectWindow(logContact(id, admin, "PHONE", at, "summary", "called"), "at");
            expectWindow(
                    logContact(id, admin, "PHONE", "2025-09-30T03:00:00Z", "summary", "called", "promisedReplyAt", at),
                    "promisedReplyAt");
            expectWindow(
                    post("/api/v1/cases/drills", admin, Map.of("scenario", "ACCOUNT_TAKEOVER", "detectedAt", at)),
                    "detectedAt");
        }
    }

    private static void expectWindow(
            org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, String field) {
        ApiAnswers.firstViolation(response, field, "DateWindow");
    }
}

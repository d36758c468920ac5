package app.thaw.monitor.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import app.thaw.monitor.MonitorWebTestBase;
import app.thaw.platform.testing.ApiAnswers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class SubjectWebTests extends MonitorWebTestBase {

    @Test
    void anEnrolledSubjectShowsOnlyMaskedIdentifiers() {
        String tenant = newTenant();
        String id =
                enrol(tenant, Map.of("PHONE", "+86 138 1234 5678", "EMAIL", "li.na@example.cn", "NAME_LATIN", "Li Na"));
        getAs(bank(tenant), "/api/v1/monitor/subjects/" + id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.label")
                .isEqualTo("L* N*")
                .jsonPath("$.identifiers[?(@.type == 'PHONE')].masked")
                .isEqualTo(List.of("***5678"))
                .jsonPath("$.identifiers[?(@.type == 'EMAIL')].masked")
                .isEqualTo(List.of("l***@*.*"));
    }

    @Test
    void theStoredSubjectHoldsHashesAndCiphertextButNoPlainIdentifier() {
        String tenant = newTenant();
        String id = enrol(tenant, Map.of("NATIONAL_ID", "110101199003074514", "BANK_ACCOUNT", "6222020200112233445"));
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "subjects")
                .block();
        assertThat(stored.toJson())
                .doesNotContain("110101199003074514")
                .doesNotContain("6222020200112233445")
                .contains("ciphertext");
    }

    @Test
    void aSubjectIsFoundByAnyOfItsIdentifiersWrittenDifferently() {
        String tenant = newTenant();
        String id = enrol(tenant, Map.of("PHONE", "+8613812345678", "EMAIL", "Wang.Fang@Example.com"));
        lookup(tenant, "PHONE", "+86 138-1234-5678").jsonPath("$[0].id").isEqualTo(id);
        lookup(tenant, "EMAIL", "wang.fang@example.com").jsonPath("$[0].id").isEqualTo(id);
        lookup(tenant, "PHONE", "+8613800000000").jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void anotherTenantCannotFindOrReadTheSubject() {
        String tenant = newTenant();
        String other = newTenant();
        String id = enrol(tenant, Map.of("PHONE", "+8613811112222"));
        lookup(other, "PHONE", "+8613811112222").jsonPath("$.length()").isEqualTo(0);
        getAs(bank(other), "/api/v1/monitor/subjects/" + id)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_found");
        deleteAs(bank(other), "/api/v1/monitor/subjects/" + id).expectStatus().isNotFound();
    }

    @Test
    void identifiersAreRevealedOnlyToAllowedRolesAndTheReadIsAudited() {
        String tenant = newTenant();
        String id = enrol(tenant, Map.of("PHONE", "+8613833334444"));
        getAs(token(tenant, "staff_agent"), "/api/v1/monitor/subjects/" + id + "/identifiers")
                .expectStatus()
                .isForbidden();
        getAs(bank(tenant), "/api/v1/monitor/subjects/" + id + "/identifiers")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].value")
                .isEqualTo("+8613833334444");
        assertThat(audited(tenant, "monitor.subject.identifiers_revealed")).hasSize(1);
    }

    @Test
    void erasureRemovesTheSubjectAndFreesItsIdentifiers() {
        String tenant = newTenant();
        String id = enrol(tenant, Map.of("PHONE", "+8613855556666"));
        deleteAs(bank(tenant), "/api/v1/monitor/subjects/" + id).expectStatus().isNoContent();
        getAs(bank(tenant), "/api/v1/monitor/subjects/" + id).expectStatus().isNotFound();
        lookup(tenant, "PHONE", "+8613855556666").jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void erasureIsRefusedUnderLegalHoldUntilTheHoldIsLifted() {
        String tenant = newTenant();
        String id = enrol(tenant, Map.of("PHONE", "+8613877778888"));
        putJson(bank(tenant), "/api/v1/monitor/subjects/" + id + "/legal-hold", Map.of("hold", true, "version", 1))
                .expectStatus()
                .isForbidden();
        String officer = token(tenant, "compliance_officer");
        putJson(
                        officer,
                        "/api/v1/monitor/subjects/" + id + "/legal-hold",
                        Map.of("hold", true, "reason", "court order 12", "version", 1))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.legalHold")
                .isEqualTo(true)
                .jsonPath("$.version")
                .isEqualTo(2);
        putJson(officer, "/api/v1/monitor/subjects/" + id + "/legal-hold", Map.of("hold", false, "version", 1))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");
        deleteAs(bank(tenant), "/api/v1/monitor/subjects/" + id)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("subject_under_legal_hold");
        putJson(officer, "/api/v1/monitor/subjects/" + id + "/legal-hold", Map.of("hold", false, "version", 2))
                .expectStatus()
                .isOk();
        deleteAs(bank(tenant), "/api/v1/monitor/subjects/" + id).expectStatus().isNoContent();
    }

    @Test
    void thePlanQuotaOfSubjectsAnswersAClearProblemAndErasureFreesAPlace() {
        String tenant = newTenant();
        putJson(token("thaw", "platform_admin"), "/api/v1/monitor/admin/plans/" + tenant, Map.of("maxSubjects", 2))
                .expectStatus()
                .isOk();
        String first = enrol(tenant, Map.of("PHONE", "+8613000000001"));
        enrol(tenant, Map.of("PHONE", "+8613000000002"));
        postJson(
                        bank(tenant),
                        "/api/v1/monitor/subjects",
                        Map.of(
                                "type",
                                "PERSON",
                                "identifiers",
                                List.of(Map.of("type", "PHONE", "value", "+8613000000003"))))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("subject_quota_exceeded")
                .jsonPath("$.limit")
                .isEqualTo(2);
        deleteAs(bank(tenant), "/api/v1/monitor/subjects/" + first)
                .expectStatus()
                .isNoContent();
        enrol(tenant, Map.of("PHONE", "+8613000000003"));
    }

    @Test
    void enrolmentValidatesEachIdentifierByFieldAndRule() {
        String tenant = newTenant();
        ApiAnswers.firstViolation(
                postJson(
                        bank(tenant),
                        "/api/v1/monitor/subjects",
                        Map.of("type", "PERSON", "identifiers", List.of(Map.of("type", "PHONE", "value", " ")))),
                "identifiers[0].value",
                "NotBlank");
    }

    @Test
    void subjectsArePagedByCursor() {
        String tenant = newTenant();
        for (int i = 0; i < 3; i++) {
            enrol(tenant, Map.of("PHONE", "+861390000001" + i));
        }
        String cursor = getAs(bank(tenant), "/api/v1/monitor/subjects?limit=2")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("nextCursor")
                .toString();
        getAs(bank(tenant), "/api/v1/monitor/subjects?limit=2&cursor=" + cursor)
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.nextCursor")
                .doesNotExist();
    }

    /** The platform's page rule: a page size outside 1..100 is refused naming {@code limit}, never clamped. */
    @Test
    void aPageSizeOutsideOneToAHundredIsRefusedNamingLimit() {
        String tenant = newTenant();
        for (String limit : List.of("0", "101")) {
            ApiAnswers.firstViolation(getAs(bank(tenant), "/api/v1/monitor/subjects?limit=" + limit), "limit", "Range");
        }
        getAs(bank(tenant), "/api/v1/monitor/alerts?limit=500")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec lookup(
            String tenant, String type, String value) {
        return postJson(bank(tenant), "/api/v1/monitor/subjects/lookup", Map.of("type", type, "value", value))
                .expectStatus()
                .isOk()
                .expectBody();
    }
}

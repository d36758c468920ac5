package app.thaw.monitor.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import app.thaw.monitor.MonitorWebTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

class SubjectWebTests extends MonitorWebTestBase {

    @Test
    void anEnrolledSubjectShowsOnlyMaskedIdentifiers() {
        String tenant = newTenant();
        String id =
                enrol(tenant, Map.of("PHONE", "+86 138 1234 5678", "EMAIL", "li.na@example.cn", "NAME_LATIN", "Li Na"));
        web.get()
                .uri("/api/v1/monitor/subjects/" + id)
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .exchange()
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
        web.get()
                .uri("/api/v1/monitor/subjects/" + id)
                .headers(h -> h.setBearerAuth(bank(other)))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_found");
        web.delete()
                .uri("/api/v1/monitor/subjects/" + id)
                .headers(h -> h.setBearerAuth(bank(other)))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void identifiersAreRevealedOnlyToAllowedRolesAndTheReadIsAudited() {
        String tenant = newTenant();
        String id = enrol(tenant, Map.of("PHONE", "+8613833334444"));
        web.get()
                .uri("/api/v1/monitor/subjects/" + id + "/identifiers")
                .headers(h -> h.setBearerAuth(token(tenant, "staff_agent")))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/api/v1/monitor/subjects/" + id + "/identifiers")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].value")
                .isEqualTo("+8613833334444");
        assertThat(mongo.count(
                                Query.query(Criteria.where("tenantId")
                                        .is(tenant)
                                        .and("action")
                                        .is("monitor.subject.identifiers_revealed")),
                                "audit_log")
                        .block())
                .isEqualTo(1);
    }

    @Test
    void erasureRemovesTheSubjectAndFreesItsIdentifiers() {
        String tenant = newTenant();
        String id = enrol(tenant, Map.of("PHONE", "+8613855556666"));
        web.delete()
                .uri("/api/v1/monitor/subjects/" + id)
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .exchange()
                .expectStatus()
                .isNoContent();
        web.get()
                .uri("/api/v1/monitor/subjects/" + id)
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .exchange()
                .expectStatus()
                .isNotFound();
        lookup(tenant, "PHONE", "+8613855556666").jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void erasureIsRefusedUnderLegalHoldUntilTheHoldIsLifted() {
        String tenant = newTenant();
        String id = enrol(tenant, Map.of("PHONE", "+8613877778888"));
        web.put()
                .uri("/api/v1/monitor/subjects/" + id + "/legal-hold")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("hold", true, "version", 1))
                .exchange()
                .expectStatus()
                .isForbidden();
        String officer = token(tenant, "compliance_officer");
        web.put()
                .uri("/api/v1/monitor/subjects/" + id + "/legal-hold")
                .headers(h -> h.setBearerAuth(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("hold", true, "reason", "court order 12", "version", 1))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.legalHold")
                .isEqualTo(true)
                .jsonPath("$.version")
                .isEqualTo(2);
        web.put()
                .uri("/api/v1/monitor/subjects/" + id + "/legal-hold")
                .headers(h -> h.setBearerAuth(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("hold", false, "version", 1))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version_conflict");
        web.delete()
                .uri("/api/v1/monitor/subjects/" + id)
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("subject_under_legal_hold");
        web.put()
                .uri("/api/v1/monitor/subjects/" + id + "/legal-hold")
                .headers(h -> h.setBearerAuth(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("hold", false, "version", 2))
                .exchange()
                .expectStatus()
                .isOk();
        web.delete()
                .uri("/api/v1/monitor/subjects/" + id)
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @Test
    void thePlanQuotaOfSubjectsAnswersAClearProblemAndErasureFreesAPlace() {
        String tenant = newTenant();
        web.put()
                .uri("/api/v1/monitor/admin/plans/" + tenant)
                .headers(h -> h.setBearerAuth(token("thaw", "platform_admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("maxSubjects", 2))
                .exchange()
                .expectStatus()
                .isOk();
        String first = enrol(tenant, Map.of("PHONE", "+8613000000001"));
        enrol(tenant, Map.of("PHONE", "+8613000000002"));
        web.post()
                .uri("/api/v1/monitor/subjects")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "type", "PERSON", "identifiers", List.of(Map.of("type", "PHONE", "value", "+8613000000003"))))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("subject_quota_exceeded")
                .jsonPath("$.limit")
                .isEqualTo(2);
        web.delete()
                .uri("/api/v1/monitor/subjects/" + first)
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .exchange()
                .expectStatus()
                .isNoContent();
        enrol(tenant, Map.of("PHONE", "+8613000000003"));
    }

    @Test
    void enrolmentValidatesEachIdentifierByFieldAndRule() {
        String tenant = newTenant();
        web.post()
                .uri("/api/v1/monitor/subjects")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "PERSON", "identifiers", List.of(Map.of("type", "PHONE", "value", " "))))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field")
                .isEqualTo("identifiers[0].value")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("NotBlank");
    }

    @Test
    void subjectsArePagedByCursor() {
        String tenant = newTenant();
        for (int i = 0; i < 3; i++) {
            enrol(tenant, Map.of("PHONE", "+861390000001" + i));
        }
        String cursor = web.get()
                .uri("/api/v1/monitor/subjects?limit=2")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("nextCursor")
                .toString();
        web.get()
                .uri("/api/v1/monitor/subjects?limit=2&cursor=" + cursor)
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .exchange()
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
            web.get()
                    .uri("/api/v1/monitor/subjects?limit=" + limit)
                    .headers(h -> h.setBearerAuth(bank(tenant)))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("validation_failed")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("limit")
                    .jsonPath("$.errors[0].rule")
                    .isEqualTo("Range");
        }
        web.get()
                .uri("/api/v1/monitor/alerts?limit=500")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec lookup(
            String tenant, String type, String value) {
        return web.post()
                .uri("/api/v1/monitor/subjects/lookup")
                .headers(h -> h.setBearerAuth(bank(tenant)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", type, "value", value))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}

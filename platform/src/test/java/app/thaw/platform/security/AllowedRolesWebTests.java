package app.thaw.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import app.thaw.platform.testing.PlatformWebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * An operation's declared roles (ADR 51) are enforced before its request is read, and published in
 * the OpenAPI document as {@code x-thaw-roles} from the same annotation.
 */
class AllowedRolesWebTests extends PlatformWebTestSupport {

    @Test
    void theControllersRolesPassAndEveryOtherRoleIsRefusedWithTheAllowedRolesNamed() {
        for (String role : ThawRoles.ALL) {
            var answer = web.get()
                    .uri("/api/v1/test/declared/memos")
                    .headers(h -> h.setBearerAuth(tokens.token(role)))
                    .exchange();
            if (role.equals("merchant_admin") || role.equals("staff_supervisor")) {
                answer.expectStatus().isOk();
            } else {
                answer.expectStatus()
                        .isForbidden()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.code")
                        .isEqualTo("forbidden")
                        .jsonPath("$.allowedRoles")
                        .isEqualTo(List.of("merchant_admin", "staff_supervisor"));
            }
        }
    }

    @Test
    void aRefusedRoleGets403BeforeItsBodyIsValidatedAndAMethodsOwnListWins() {
        web.post()
                .uri("/api/v1/test/declared/memos")
                .headers(h -> h.setBearerAuth(tokens.token("merchant_admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"nonsense\":1}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.allowedRoles")
                .isEqualTo(List.of("platform_admin"));
        web.post()
                .uri("/api/v1/test/declared/memos")
                .headers(h -> h.setBearerAuth(tokens.token("platform_admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void anyUserMeansEveryPersonsRoleAndNotTheServicesOwnClients() {
        for (String role : ThawRoles.USERS) {
            web.get()
                    .uri("/api/v1/test/declared/everyone")
                    .headers(h -> h.setBearerAuth(tokens.token(role)))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        web.get()
                .uri("/api/v1/test/declared/everyone")
                .headers(h -> h.setBearerAuth(tokens.token(ThawRoles.SERVICE)))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/api/v1/test/declared/everyone")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void anUndeclaredOperationStillNeedsOnlyAValidTokenAndAnUnknownPathStays404() {
        web.get()
                .uri("/api/v1/test/audited-notes/n1")
                .headers(h -> h.setBearerAuth(tokens.token("insurer")))
                .exchange()
                .expectStatus()
                .isOk();
        web.get()
                .uri("/api/v1/test/declared/nothing")
                .headers(h -> h.setBearerAuth(tokens.token("insurer")))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentCarriesEachOperationsRolesFromTheSameAnnotation() {
        Map<String, Object> document = web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        assertThat(paths.get("/api/v1/test/declared/memos").get("get").get("x-thaw-roles"))
                .isEqualTo(List.of("merchant_admin", "staff_supervisor"));
        assertThat(paths.get("/api/v1/test/declared/memos").get("post").get("x-thaw-roles"))
                .isEqualTo(List.of("platform_admin"));
        assertThat((List<String>)
                        paths.get("/api/v1/test/declared/everyone").get("get").get("x-thaw-roles"))
                .containsExactlyInAnyOrderElementsOf(ThawRoles.USERS);
        assertThat(paths.get("/api/v1/test/audited-notes/{id}").get("get")).doesNotContainKey("x-thaw-roles");
        assertThat((String) paths.get("/api/v1/test/declared/memos").get("post").get("description"))
                .contains("Roles: platform_admin");
    }
}

package app.thaw.platform.testing;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every service's API answers alike, read once for the tests of all of them. */
public final class ApiAnswers {

    private ApiAnswers() {}

    /** The items of a page (a cursor page's {@code items}) answered 200. */
    public static List<?> items(WebTestClient.ResponseSpec answer) {
        Map<?, ?> page = answer.expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (List<?>) page.get("items");
    }

    /** The service's OpenAPI document ({@code /v3/api-docs}, no token needed): 200, its body. */
    public static WebTestClient.BodyContentSpec apiDocument(WebTestClient web) {
        return web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody();
    }

    /**
     * A 429 problem ({@code quota_exceeded}, ADR 62) naming {@code quota} and its {@code limit}, with a
     * {@code Retry-After}; the body, for the caller to check more of it (use, plan, reset).
     */
    public static WebTestClient.BodyContentSpec quotaExceeded(
            WebTestClient.ResponseSpec answer, String quota, int limit) {
        return answer.expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("quota_exceeded")
                .jsonPath("$.quota")
                .isEqualTo(quota)
                .jsonPath("$.limit")
                .isEqualTo(limit);
    }

    /** A 201 that ran its request (no Idempotency-Key replay, {@code Idempotent-Replayed} absent): its body. */
    public static Map<?, ?> createdAfresh(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * A 400 problem ({@code validation_failed}, docs/problems.md) whose first violation is that {@code field} broke
     * {@code rule}; the body, for the caller to check more of it.
     */
    public static WebTestClient.BodyContentSpec firstViolation(
            WebTestClient.ResponseSpec answer, String field, String rule) {
        return answer.expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.errors[0].rule")
                .isEqualTo(rule);
    }

    /**
     * A 400 problem ({@code validation_failed}, docs/problems.md) naming exactly one violation: {@code field} broke
     * {@code rule}.
     */
    public static WebTestClient.BodyContentSpec oneViolation(
            WebTestClient.ResponseSpec answer, String field, String rule) {
        return answer.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.errors[0].rule")
                .isEqualTo(rule);
    }

    /**
     * A 401 problem ({@code unauthenticated}, docs/problems.md) with a bearer challenge and a trace id, as every
     * service and the gateway answer a call without a usable token; the body, for the caller to check more of it.
     */
    public static WebTestClient.BodyContentSpec unauthenticated(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:thaw:problem:unauthenticated")
                .jsonPath("$.traceId")
                .exists();
    }

    /**
     * The gateway's 503 problem ({@code service_unavailable}) for the service of {@code area} it cannot reach, with a
     * {@code Retry-After} and a trace id.
     */
    public static WebTestClient.BodyContentSpec serviceUnavailable(WebTestClient.ResponseSpec answer, String area) {
        return answer.expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("service_unavailable")
                .jsonPath("$.service")
                .isEqualTo(area)
                .jsonPath("$.traceId")
                .exists();
    }
}

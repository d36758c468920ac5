package app.thaw.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.thaw.platform.testing.ApiAnswers;
import app.thaw.platform.testing.PlatformWebTestSupport;
import app.thaw.platform.tracing.ErrorSpansOfUnsampledTraces;
import app.thaw.platform.tracing.ErrorsKeptSampler;
import app.thaw.store.EmbeddedStore;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanProcessors;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * The platform as a service sees it: one application context with the embedded store started
 * in-process, tokens from a local key set, and every kind of error answered as problem+json.
 */
class PlatformWebTests extends PlatformWebTestSupport {

    @Autowired
    EmbeddedStore store;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Sampler sampler;

    @Autowired
    SpanProcessors spanProcessors;

    @Test
    void tracesAreSampledParentBasedAtTheDocumentedRatioWithErrorsKept() {
        assertThat(sampler).isInstanceOf(ErrorsKeptSampler.class);
        assertThat(sampler.getDescription()).contains("parentBased(ratio 0.1");
        assertThat(spanProcessors.list()).hasAtLeastOneElementOfType(ErrorSpansOfUnsampledTraces.class);
    }

    WebTestClient.BodyContentSpec trip(String json) {
        return web.post()
                .uri("/api/v1/test/trips")
                .headers(h -> h.setBearerAuth(tokens.token("merchant_admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectBody();
    }

    @Test
    void aDateQueryParameterOutsideTheWindowOrNoDateIs400ValidationFailedNamingTheParameter() {
        String bearer = tokens.token("merchant_admin");
        for (String[] bad : new String[][] {
            {"from", "-999999999-01-01T00:00:00Z"},
            {"from", "2101-01-01T00:00:00Z"},
            {"from", "yesterday"},
            {"day", "1969-12-31"},
            {"day", "+999999999-12-31"},
            {"month", "2101-01"},
            {"month", "1900-13"}
        }) {
            ApiAnswers.firstViolation(
                            web.get()
                                    .uri(uri -> uri.path("/api/v1/test/dated")
                                            .queryParam(bad[0], bad[1])
                                            .build())
                                    .headers(h -> h.setBearerAuth(bearer))
                                    .exchange(),
                            bad[0],
                            "DateWindow")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).doesNotContain(bad[1]));
        }
        web.get()
                .uri("/api/v1/test/dated?from=2026-01-31T09:00:00Z&day=2026-01-31&month=2026-01")
                .headers(h -> h.setBearerAuth(bearer))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.from")
                .isEqualTo("2026-01-31T09:00:00Z")
                .jsonPath("$.month")
                .isEqualTo("2026-01");
    }

    @Test
    void aDateFormFieldOutsideTheWindowIs400ValidationFailedNamingTheField() {
        String bearer = tokens.token("merchant_admin");
        for (String[] bad : new String[][] {
            {"due", "2101-01-01"},
            {"due", "1969-12-31"},
            {"startsAt", "+999999999-12-31T23:59:59Z"},
            {"startsAt", "1900-01-01T00:00:00Z"}
        }) {
            ApiAnswers.firstViolation(
                    web.post()
                            .uri("/api/v1/test/dated-forms")
                            .headers(h -> h.setBearerAuth(bearer))
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .bodyValue(bad[0] + "="
                                    + java.net.URLEncoder.encode(bad[1], java.nio.charset.StandardCharsets.UTF_8))
                            .exchange(),
                    bad[0],
                    "DateWindow");
        }
        web.post()
                .uri("/api/v1/test/dated-forms")
                .headers(h -> h.setBearerAuth(bearer))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("due=2026-02-01&startsAt=2026-02-01T00:00:00Z")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.due")
                .isEqualTo("2026-02-01");
    }

    @Test
    void anUnknownOrMisspeltFieldIs400ValidationFailedNamingItWhereverItIs() {
        trip("{\"title\":\"t\",\"tilte\":\"typo\"}")
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field")
                .isEqualTo("tilte")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("UnknownField")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("'tilte'").doesNotContain("typo"));
        trip("{\"title\":\"t\",\"stops\":[{\"at\":\"2026-01-01T00:00:00Z\"},{\"at\":\"2026-01-01T00:00:00Z\",\"when\":1}]}")
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field")
                .isEqualTo("stops[1].when");
        // Full-width letters are another name, not the same field.
        trip("{\"title\":\"t\",\"ｔｉｔｌｅ\":\"x\"}")
                .jsonPath("$.errors[0].field")
                .isEqualTo("ｔｉｔｌｅ")
                .jsonPath("$.errors[0].rule")
                .isEqualTo("UnknownField");
        // A map of the request's own is free-form: its keys are data, not fields.
        trip("{\"title\":\"t\",\"extra\":{\"anything\":1}}").jsonPath("$.title").isEqualTo("t");
    }

    @Test
    void aDateOutside1970To2100Is400ValidationFailedNamingTheField() {
        for (String at : java.util.List.of(
                "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "1969-12-31T23:59:59Z",
                "2101-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z")) {
            trip("{\"title\":\"t\",\"stops\":[{\"at\":\"" + at + "\"}]}")
                    .jsonPath("$.status")
                    .isEqualTo(400)
                    .jsonPath("$.code")
                    .isEqualTo("validation_failed")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("stops[0].at")
                    .jsonPath("$.errors[0].rule")
                    .isEqualTo("DateWindow");
        }
        trip("{\"title\":\"t\",\"startsAt\":\"2200-01-01T00:00:00+08:00\"}")
                .jsonPath("$.errors[0].field")
                .isEqualTo("startsAt");
        trip("{\"title\":\"t\",\"stops\":[{\"at\":\"2026-01-01T00:00:00Z\",\"day\":\"1900-01-01\"}]}")
                .jsonPath("$.errors[0].field")
                .isEqualTo("stops[0].day");
        trip("{\"title\":\"t\",\"stops\":[{\"at\":\"not a date\"}]}")
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors[0].field")
                .isEqualTo("stops[0].at");
        // The window's edges are in it.
        trip("{\"title\":\"t\",\"startsAt\":\"1970-01-01T00:00:00Z\",\"stops\":[{\"at\":\"2100-12-31T23:59:59Z\",\"day\":\"2100-12-31\"}]}")
                .jsonPath("$.title")
                .isEqualTo("t");
    }

    @Test
    void aRequestWithoutATokenAnswers401ProblemWithABearerChallenge() {
        ApiAnswers.unauthenticated(web.get().uri("/api/v1/test/whoami").exchange())
                .jsonPath("$.code")
                .isEqualTo("unauthenticated")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/test/whoami")
                .jsonPath("$.traceId")
                .value(traceId -> assertThat((String) traceId).matches("[0-9a-f]{32}"));
    }

    @Test
    void anExpiredTokenAnswers401NamingTheReason() {
        String expired = tokens.token(
                java.util.List.of("merchant_admin"),
                claims -> claims.issueTime(
                                java.util.Date.from(java.time.Instant.now().minusSeconds(900)))
                        .expirationTime(
                                java.util.Date.from(java.time.Instant.now().minusSeconds(600))));
        web.get()
                .uri("/api/v1/test/whoami")
                .headers(h -> h.setBearerAuth(expired))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_token")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("expired"));
    }

    @Test
    void whoamiReportsTheTenantSubjectClientAndThawRolesFromTheToken() {
        web.get()
                .uri("/api/v1/test/whoami")
                .headers(h -> h.setBearerAuth(tokens.token("merchant_admin", "offline_access", "default-roles-thaw")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo("platform-test")
                .jsonPath("$.tenantId")
                .isEqualTo("acme")
                .jsonPath("$.subject")
                .isEqualTo("user-1")
                .jsonPath("$.clientId")
                .isEqualTo("thaw-test")
                .jsonPath("$.roles.length()")
                .isEqualTo(1)
                .jsonPath("$.roles[0]")
                .isEqualTo("merchant_admin");
    }

    @Test
    void aMissingRoleAnswers403Problem() {
        web.get()
                .uri("/api/v1/test/admin-only")
                .headers(h -> h.setBearerAuth(tokens.token("merchant_admin")))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("forbidden");
        web.get()
                .uri("/api/v1/test/admin-only")
                .headers(h -> h.setBearerAuth(tokens.token("platform_admin")))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void anUnknownPathAnswers404Problem() {
        authorized(web.get().uri("/api/v1/test/nothing-here"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("not_found")
                .jsonPath("$.detail")
                .isEqualTo("There is nothing at /api/v1/test/nothing-here.");
    }

    @Test
    void aWrongMethodAnswers405ProblemWithAllow() {
        authorized(web.delete().uri("/api/v1/test/notes"))
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "POST")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("method_not_allowed");
    }

    @Test
    void anUnsupportedContentTypeAnswers415Problem() {
        authorized(web.post().uri("/api/v1/test/notes"))
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("hello")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("unsupported_media_type");
    }

    @Test
    void malformedJsonAnswers400Problem() {
        authorized(web.post().uri("/api/v1/test/notes"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("malformed_request");
    }

    @Test
    void invalidFieldsAnswer400NamingEachFieldAndRule() {
        authorized(web.post().uri("/api/v1/test/notes"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\" \",\"body\":\"far more than ten characters\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation_failed")
                .jsonPath("$.errors.length()")
                .isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'title')].rule")
                .isEqualTo("NotBlank")
                .jsonPath("$.errors[?(@.field == 'body')].rule")
                .isEqualTo("Size");
    }

    @Test
    void aBodyOverTheInMemoryLimitAnswers413Problem() {
        String huge = "{\"title\":\"" + "x".repeat(1_100_000) + "\"}";
        authorized(web.post().uri("/api/v1/test/notes"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(huge)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("payload_too_large");
    }

    @Test
    void aNamedFailureAnswersItsStatusCodeAndProperties() {
        authorized(web.get().uri("/api/v1/test/closed-case"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:thaw:problem:case_already_closed")
                .jsonPath("$.code")
                .isEqualTo("case_already_closed")
                .jsonPath("$.detail")
                .isEqualTo("The case is closed.")
                .jsonPath("$.currentState")
                .isEqualTo("CLOSED");
    }

    @Test
    void anUnexpectedFailureAnswers500WithoutInternals() {
        authorized(web.get().uri("/api/v1/test/boom"))
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("\"code\":\"internal_error\"", "\"traceId\"")
                        .doesNotContain("secret internal detail", "IllegalStateException", "at app.thaw"));
    }

    @Test
    void readinessIncludesTheStoreAndHealthNeedsNoToken() {
        web.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.store.status")
                .isEqualTo("UP");
    }

    @Test
    void withNoMongoUriTheServiceUsesAnEmbeddedStoreUnderItsDataDirNamedByItsArea() {
        assertThat(store.dataFile()).isEqualTo(dataDir.resolve("platform-test").resolve("store.mv"));
        StepVerifier.create(mongo.getMongoDatabase().map(database -> database.getName()))
                .expectNext("test")
                .verifyComplete();
    }

    @Autowired
    app.thaw.platform.audit.AuditLog audit;

    @Test
    void aSensitiveReadIsAuditedWithTheCallersTenantActorAndTraceId() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        web.get()
                .uri("/api/v1/test/audited-notes/n-7")
                .headers(h -> {
                    h.setBearerAuth(tokens.token("staff_agent"));
                    h.set("traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
                })
                .exchange()
                .expectStatus()
                .isOk();

        StepVerifier.create(audit.entriesFor("acme", "note", "n-7"))
                .assertNext(entry -> {
                    assertThat(entry.getString("action")).isEqualTo("note.viewed");
                    assertThat(entry.get("actor", org.bson.Document.class).getString("subject"))
                            .isEqualTo("user-1");
                    assertThat(entry.get("actor", org.bson.Document.class).getList("roles", String.class))
                            .containsExactly("staff_agent");
                    assertThat(entry.getString("traceId")).isEqualTo(traceId);
                    assertThat(entry.get("details", org.bson.Document.class).getString("reason"))
                            .isEqualTo("support call");
                    assertThat(entry.getDate("at")).isNotNull();
                })
                .verifyComplete();
        StepVerifier.create(audit.entriesFor("globex", "note", "n-7")).verifyComplete();
    }

    @Test
    void systemActionsAreAuditedForTheTenantTheyConcern() {
        StepVerifier.create(audit.recordSystem("globex", "timer.fired", "case", "c-9", java.util.Map.of())
                        .thenMany(audit.entriesFor("globex", "case", "c-9")))
                .assertNext(entry -> assertThat(
                                entry.get("actor", org.bson.Document.class).getString("subject"))
                        .isEqualTo("system"))
                .verifyComplete();
    }

    private WebTestClient.RequestHeadersSpec<?> authorized(WebTestClient.RequestHeadersSpec<?> request) {
        return request.headers(h -> h.setBearerAuth(tokens.token("merchant_admin")));
    }

    private WebTestClient.RequestBodySpec authorized(WebTestClient.RequestBodySpec request) {
        return request.headers(h -> h.setBearerAuth(tokens.token("merchant_admin")));
    }

    /** A GET of {@code uri} as staff agent "agent", signed in. */
    private WebTestClient.RequestHeadersSpec<?> asAgent(String uri, Object... uriVariables) {
        String token =
                tokens.token(java.util.List.of("staff_agent"), claims -> claims.claim("preferred_username", "agent"));
        return web.get().uri(uri, uriVariables).headers(h -> h.setBearerAuth(token));
    }

    /** The body of the request's answer 200, as text. */
    private static String okText(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void aDashboardPageUsesTheSharedLayoutInTheCallersLanguage() {
        String page = okText(asAgent("/dashboard/test/").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9"));
        assertThat(page)
                .contains(
                        "lang=\"zh-CN\"",
                        "跳到正文",
                        ">agent<",
                        "/dashboard/test/webjars/htmx.org/dist/htmx.min.js",
                        "/dashboard/test/assets/thaw.css",
                        "data-due=\"2026-01-01T00:00:00Z\"");
        // The shared format (ThawFormat) as every dashboard gets it: minutes in the zone, the deadline in words, money.
        assertThat(page)
                .contains(
                        "2026-01-01 08:00",
                        "data-left=\"剩余 {0}\"",
                        "data-overdue=\"已超时 {0}\"",
                        "title=\"2026-01-01 00:00\"",
                        "人民币 58,200.00")
                .containsPattern(">(已超时|剩余) \\d+ 天 \\d+ 小时</time>");
    }

    @Test
    void aServiceNeverTouchesTheBrowsersSessionCookieThatTheGatewayRelays() {
        // The gateway forwards the browser's cookies, its console session among them. A service
        // that answered for an id it does not know would expire the cookie, signing staff out.
        asAgent("/dashboard/test/")
                .cookie("SESSION", "a-session-of-the-gateway")
                .cookie("THAW_CONSOLE", "a-session-of-the-gateway")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE);
    }

    @Test
    void aFilterChoiceIsLabelledOffersAnyFirstAndKeepsWhatWasChosen() {
        String page = okText(asAgent("/dashboard/test/?status=TUESDAY"));
        assertThat(page.replaceAll("\\s+", " "))
                .contains(
                        "<label for=\"filter-status\">Day</label>",
                        "<select id=\"filter-status\" name=\"status\"> <option value=\"\">Any day</option> <option value=\"MONDAY\">MONDAY</option>",
                        "<option value=\"TUESDAY\" selected=\"selected\">TUESDAY</option>");
    }

    @Test
    void theLanguageSwitchStaysOnThePageWithItsFilters() {
        String page =
                okText(asAgent("/dashboard/test/?status={status}&assignee={assignee}&lang=en", "TRIAGED", "li wei"));
        assertThat(page)
                .contains(
                        "href=\"/dashboard/test/?status=TRIAGED&amp;assignee=li%20wei&amp;lang=zh-CN\"",
                        "href=\"/dashboard/test/?status=TRIAGED&amp;assignee=li%20wei&amp;lang=en\"");
    }

    @Test
    void theDashboardsAssetsAndWebJarsAreServedUnderItsPrefixToSignedInStaffOnly() {
        assertThat(okText(asAgent("/dashboard/test/webjars/htmx.org/dist/htmx.min.js")))
                .contains("htmx");
        assertThat(okText(asAgent("/dashboard/test/webjars/chart.js/dist/chart.umd.min.js")))
                .contains("Chart");
        assertThat(okText(asAgent("/dashboard/test/assets/thaw.js"))).contains("data-due");
        web.get().uri("/dashboard/test/").exchange().expectStatus().isUnauthorized();
    }

    @LocalServerPort
    int port;

    /**
     * What the HTTP decoder refuses before any Spring code runs — a request line or headers over its
     * limits, bytes that are no HTTP — is a problem document too, with a documented code. Sent over
     * a plain socket, as a client library would never build such requests.
     */
    @Test
    void requestsTheHttpDecoderCannotReadAreAnsweredAsProblems() throws Exception {
        String longQuery =
                "GET /api/v1/test/whoami?tenantId=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        assertThat(rawExchange(longQuery))
                .startsWith("HTTP/1.1 414 ")
                .contains("content-type: application/problem+json")
                .contains("connection: close")
                .contains("\"code\":\"request_line_too_long\"")
                .contains("\"status\":414")
                .doesNotContain("aaaaaaaaaa");
        String hugeHeader =
                "GET /api/v1/test/whoami HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "b".repeat(20_000) + "\r\n\r\n";
        assertThat(rawExchange(hugeHeader)).startsWith("HTTP/1.1 431 ").contains("\"code\":\"headers_too_large\"");
        assertThat(rawExchange("GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: many\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ")
                .contains("\"code\":\"malformed_request\"");
        // An ordinary request on a new connection is untouched.
        assertThat(rawExchange("GET /api/v1/test/whoami HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 401 ")
                .contains("\"code\":\"unauthenticated\"");
    }

    /** Sends {@code request} as it stands and answers everything the server wrote until it closed (header names lower-cased). */
    private String rawExchange(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int bodyAt = answer.indexOf("\r\n\r\n");
            return bodyAt < 0
                    ? answer
                    : answer.substring(0, bodyAt)
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replaceFirst("^http/1.1", "HTTP/1.1")
                            + answer.substring(bodyAt);
        }
    }
}

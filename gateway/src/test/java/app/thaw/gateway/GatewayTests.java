package app.thaw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import app.thaw.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;

/**
 * The gateway in front of a real HTTP backend standing in for the case service, and of an
 * evidence service that is down (nothing listens on its port).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "thaw.gateway.limits.burst=5",
            "thaw.gateway.limits.sustained=1",
            "thaw.gateway.limits.per=1m",
            "thaw.gateway.limits.max-request-size=1KB"
        })
@AutoConfigureWebTestClient(timeout = "10s")
class GatewayTests {

    static final TestTokens tokens = new TestTokens();
    /** What the stand-in case service received: its Authorization and traceparent headers. */
    static final Queue<HttpHeaders> received = new ConcurrentLinkedQueue<>();
    /** The bodies it received, as text. */
    static final Queue<String> receivedBodies = new ConcurrentLinkedQueue<>();

    static final DisposableServer caseService = StandInService.start(
            received,
            (request, response) -> request.receive()
                    .aggregate()
                    .asString()
                    .defaultIfEmpty("")
                    .doOnNext(receivedBodies::add)
                    .then(response.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"from\":\"case-service\"}"))
                            .then()));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("thaw.security.jwk-set-uri", tokens::jwkSetUri);
        registry.add("THAW_CASES_URL", () -> "http://127.0.0.1:" + caseService.port());
        // identity-monitor answers the subscription: the same stand-in, which says where the call landed.
        registry.add("THAW_MONITOR_URL", () -> "http://127.0.0.1:" + caseService.port());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("THAW_EVIDENCE_URL", () -> "http://127.0.0.1:" + closedPort);
    }

    @AfterAll
    static void stop() {
        caseService.disposeNow();
        tokens.close();
    }

    @Autowired
    WebTestClient web;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void routesAnAuthenticatedCallAndRelaysTheTokenAndTraceContext() {
        String token = tokenFor("router");
        received.clear();
        web.get()
                .uri("/api/v1/cases/whoami")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.from")
                .isEqualTo("case-service");
        HttpHeaders seen = received.poll();
        assertThat(seen).isNotNull();
        assertThat(seen.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(seen.getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void theCallersTraceContinuesToTheServiceThroughTheGatewaysOwnSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        received.clear();
        web.get()
                .uri("/api/v1/cases/whoami")
                .headers(h -> {
                    h.setBearerAuth(tokenFor("tracer"));
                    h.set("traceparent", "00-" + traceId + "-" + callerSpan + "-01");
                    h.set("tracestate", "vendor=caller");
                })
                .exchange()
                .expectStatus()
                .isOk();
        HttpHeaders seen = received.poll();
        assertThat(seen).isNotNull();
        // The same trace, sampled as the caller asked; the parent is the gateway's span, not the caller's.
        assertThat(seen.get("traceparent")).hasSize(1);
        assertThat(seen.getFirst("traceparent"))
                .startsWith("00-" + traceId + "-")
                .endsWith("-01")
                .doesNotContain(callerSpan);
    }

    @Test
    void theSubscriptionRouteLeadsToIdentityMonitorUnchanged() {
        received.clear();
        web.get()
                .uri("/api/v1/subscription")
                .headers(h -> h.setBearerAuth(tokenFor("subscriber")))
                .exchange()
                .expectStatus()
                .isOk();
        HttpHeaders seen = received.poll();
        assertThat(seen).isNotNull();
        assertThat(seen.getFirst(HttpHeaders.HOST)).endsWith(":" + caseService.port());
    }

    @Test
    void aCallWithoutATokenIsRefusedBeforeItReachesAService() {
        received.clear();
        web.get()
                .uri("/api/v1/cases/whoami")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("unauthenticated");
        assertThat(received).isEmpty();
    }

    @Test
    void aServiceThatIsDownAnswers503ProblemWithRetryAfter() {
        long started = System.nanoTime();
        app.thaw.platform.testing.ApiAnswers.serviceUnavailable(
                web.get()
                        .uri("/api/v1/evidence/whoami")
                        .headers(h -> h.setBearerAuth(tokenFor("evidence-caller")))
                        .exchange(),
                "evidence");
        // The 2 s promise is about a refused connection, which fails at once rather than waiting for a timeout.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aClientOverItsBurstGets429WithRetryAfterWhileOthersAreServed() {
        String greedy = tokenFor("greedy");
        for (int i = 0; i < 5; i++) {
            web.get()
                    .uri("/api/v1/cases/whoami")
                    .headers(h -> h.setBearerAuth(greedy))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("X-RateLimit-Remaining", String.valueOf(4 - i));
        }
        web.get()
                .uri("/api/v1/cases/whoami")
                .headers(h -> h.setBearerAuth(greedy))
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        value -> assertThat(Long.parseLong(value)).isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("rate_limited");
        web.get()
                .uri("/api/v1/cases/whoami")
                .headers(h -> h.setBearerAuth(tokenFor("patient")))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        received.clear();
        web.post()
                .uri("/api/v1/cases")
                .headers(h -> h.setBearerAuth(tokenFor("big-sender")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"notice\":\"" + "x".repeat(2000) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("payload_too_large");
        assertThat(received).isEmpty();
    }

    /** Reactor Netty refuses such a request before the gateway's filters run; it is still a problem document, and nothing is forwarded. */
    @Test
    void aQueryOverTheServersLineLimitIsRefusedWith414AsAProblem() {
        received.clear();
        web.get()
                .uri("/api/v1/cases?tenantId=" + "a".repeat(10_000))
                .headers(h -> h.setBearerAuth(tokenFor("long-query")))
                .exchange()
                .expectStatus()
                .isEqualTo(414)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("request_line_too_long");
        assertThat(received).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        var buffers = new DefaultDataBufferFactory();
        Flux<org.springframework.core.io.buffer.DataBuffer> chunks =
                Flux.range(0, 4).map(i -> buffers.wrap(("x".repeat(500)).getBytes()));
        web.post()
                .uri("/api/v1/cases")
                .headers(h -> h.setBearerAuth(tokenFor("chunky-sender")))
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, org.springframework.core.io.buffer.DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("payload_too_large");
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        web.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
        web.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls[?(@.name == 'cases')].url")
                .isEqualTo("/openapi/cases");
    }

    @Test
    void theFallbackIsNotReachableDirectly() {
        web.get()
                .uri("/fallback/cases")
                .headers(h -> h.setBearerAuth(tokenFor("prober")))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    // ---- the staff console: browser session, login through Keycloak with PKCE, token relay ----

    @Autowired
    ApplicationContext context;

    /** A browser-like client bound to the application, so a signed-in OIDC session can be simulated. */
    private WebTestClient browser() {
        return WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .build();
    }

    private SecurityMockServerConfigurers.OidcLoginMutator staffLogin(String username, String... roles) {
        ClientRegistration keycloak = context.getBean(ReactiveClientRegistrationRepository.class)
                .findByRegistrationId("keycloak")
                .block();
        return mockOidcLogin()
                .clientRegistration(keycloak)
                .idToken(token -> token.claim("preferred_username", username)
                        .claim("tenant_id", "thaw")
                        .claim("name", username))
                .authorities(java.util.Arrays.stream(roles)
                        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toList());
    }

    @Test
    void theConsoleSendsAStrangerToKeycloakWithPkce() {
        web.get()
                .uri("/console")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/oauth2/authorization/keycloak");
        web.get()
                .uri("/oauth2/authorization/keycloak")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .value(
                        HttpHeaders.LOCATION,
                        location -> assertThat(location)
                                .startsWith("http://localhost:8180/realms/thaw/protocol/openid-connect/auth?")
                                .contains(
                                        "client_id=thaw-gateway",
                                        "code_challenge=",
                                        "code_challenge_method=S256",
                                        "redirect_uri=http://localhost:",
                                        "/login/oauth2/code/keycloak",
                                        "scope=openid%20profile"));
    }

    @Test
    void anAgentSeesTheDashboardsTheirRoleOpensAndNoOther() {
        String page = consolePage("agent", "staff_agent");
        assertThat(page)
                .contains("id=\"dashboard-cases\"", "id=\"dashboard-evidence\"", "id=\"dashboard-monitor\"")
                .doesNotContain("id=\"dashboard-notifications\"")
                .contains("staff_agent");
        String supervisor = console("supervisor", "staff_supervisor")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(supervisor).contains("id=\"dashboard-notifications\"");
    }

    @Test
    void aUserWhoseRolesOpenNoDashboardIsToldSo() {
        String page = consolePage("someone", "offline_access");
        assertThat(page).contains("id=\"no-dashboards\"").doesNotContain("id=\"dashboard-");
    }

    @Test
    void aBankAnalystOrMerchantAdminIsOfferedTheMonitorTheirRolesOpenAndNothingOfStaffs() {
        for (String role : new String[] {"partner_bank", "merchant_admin"}) {
            String page = consolePage("analyst", role);
            assertThat(page)
                    .as(role)
                    .contains("id=\"dashboard-monitor\"")
                    .doesNotContain(
                            "id=\"no-dashboards\"",
                            "id=\"dashboard-cases\"",
                            "id=\"dashboard-evidence\"",
                            "id=\"dashboard-notifications\"");
        }
    }

    @Test
    void theConsoleSpeaksTheBrowsersLanguageAndRemembersASwitch() {
        String chinese = browser()
                .mutateWith(staffLogin("agent", "staff_agent"))
                .get()
                .uri("/console")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.5")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(chinese).contains("lang=\"zh-CN\"", "退出登录", "案件");
        browser()
                .mutateWith(staffLogin("agent", "staff_agent"))
                .get()
                .uri("/console?lang=en")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .exchange()
                .expectHeader()
                .values(
                        HttpHeaders.SET_COOKIE,
                        cookies -> assertThat(cookies).anyMatch(cookie -> cookie.startsWith("thaw_lang=en")))
                .expectBody(String.class)
                .value(english -> assertThat(english).contains("Sign out").doesNotContain("退出登录"));
    }

    @Test
    void signingOutEndsTheSessionAtKeycloakToo() {
        browser()
                .mutateWith(staffLogin("agent", "staff_agent"))
                .mutateWith(csrf())
                .post()
                .uri("/console/logout")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .value(
                        HttpHeaders.LOCATION,
                        location -> assertThat(location)
                                .startsWith("http://localhost:8180/realms/thaw/protocol/openid-connect/logout?")
                                .contains("id_token_hint=", "post_logout_redirect_uri=")
                                .endsWith("/console"));
    }

    @Test
    void consolePagesHandTheScriptsTheCsrfTokenAndTheSharedAssets() {
        console("agent", "staff_agent")
                .expectStatus()
                .isOk()
                .expectHeader()
                .values(
                        HttpHeaders.SET_COOKIE,
                        cookies -> assertThat(cookies).anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN=")));
        web.get()
                .uri("/console/assets/thaw.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(script -> assertThat(script).contains("X-XSRF-TOKEN"));
    }

    @Test
    void aDashboardWriteWithoutTheCsrfHeaderIsRefusedBeforeItReachesTheService() {
        received.clear();
        browser()
                .mutateWith(staffLogin("agent", "staff_agent"))
                .post()
                .uri("/dashboard/cases/anything")
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(received).isEmpty();
    }

    @Test
    void aDashboardFormWriteWithTheCsrfHeaderReachesTheServiceWithItsBody() {
        received.clear();
        receivedBodies.clear();
        String token = "4b1c7e4e-0000-4000-8000-000000000001";
        browser()
                .mutateWith(staffLogin("agent", "staff_agent"))
                .post()
                .uri("/dashboard/cases/case-1/transitions")
                .cookie("XSRF-TOKEN", token)
                .header("X-XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("to=SUBMITTED&reason=ready")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(receivedBodies).containsExactly("to=SUBMITTED&reason=ready");
    }

    @Test
    void aDashboardEvidenceUploadStreamsPastTheBodyLimitWhileOtherDashboardWritesKeepIt() {
        received.clear();
        String token = "4b1c7e4e-0000-4000-8000-000000000002";
        String big = "x".repeat(2000);
        browser()
                .mutateWith(staffLogin("agent", "staff_agent"))
                .post()
                .uri("/dashboard/cases/case-1/transitions")
                .cookie("XSRF-TOKEN", token)
                .header("X-XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("reason=" + big)
                .exchange()
                .expectStatus()
                .isEqualTo(413);
        assertThat(received).isEmpty();
        // evidence-service is down in this test: the upload got past the limit when it fails on the way there instead.
        browser()
                .mutateWith(staffLogin("agent", "staff_agent"))
                .post()
                .uri("/dashboard/evidence/cases/case-1/items")
                .cookie("XSRF-TOKEN", token)
                .header("X-XSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(big.getBytes())
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isNotEqualTo(413).isGreaterThanOrEqualTo(500));
    }

    @Test
    void signingOutWithoutTheCsrfTokenIsRefused() {
        browser()
                .mutateWith(staffLogin("agent", "staff_agent"))
                .post()
                .uri("/console/logout")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aDashboardRequestCarriesTheSessionsAccessTokenToTheService() {
        received.clear();
        browser()
                .mutateWith(staffLogin("agent", "staff_agent"))
                .get()
                .uri("/dashboard/cases/queue")
                .cookie("THAW_CONSOLE", "the-console-session")
                .cookie("thaw_lang", "zh-CN")
                .exchange()
                .expectStatus()
                .isOk();
        HttpHeaders seen = received.poll();
        assertThat(seen).isNotNull();
        // The console's session id stays at the gateway; the remembered language goes on.
        assertThat(seen.get(HttpHeaders.COOKIE)).containsExactly("thaw_lang=zh-CN");
        // The mock session's access token: what the browser's real session would hold after login.
        assertThat(seen.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer access-token");
    }

    @Test
    void theApiNeverRedirectsToALoginPage() {
        web.get()
                .uri("/api/v1/cases/whoami")
                .header(HttpHeaders.ACCEPT, "text/html")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    /**
     * {@code Expect: 100-continue} (curl sends it with every body over 1 MB) is answered by the gateway and not
     * relayed, on the data plane and on the full path (a cookie sends the call there): the gateway's client
     * sends the body without waiting, and a service told to expect no body unless it asked for one closed the
     * connection under an upload it refused at once — its answer became a 503.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"data plane", "full path"})
    void theCallersExpectationIsTheGatewaysAndNotRelayed(String path) throws Exception {
        received.clear();
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build()) {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/cases/notes"))
                    .expectContinue(true)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("expecting-" + path.charAt(0)))
                    .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"note\":\"hello\"}"));
            if (path.equals("full path")) {
                request.header(HttpHeaders.COOKIE, "lang=en");
            }
            java.net.http.HttpResponse<String> answer =
                    client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        HttpHeaders seen = received.poll();
        assertThat(seen).isNotNull();
        assertThat(seen.containsHeader(HttpHeaders.EXPECT)).isFalse();
        assertThat(receivedBodies).contains("{\"note\":\"hello\"}");
    }

    /** {@code /console} as {@code username} with {@code roles}, signed in. */
    private WebTestClient.ResponseSpec console(String username, String... roles) {
        return browser()
                .mutateWith(staffLogin(username, roles))
                .get()
                .uri("/console")
                .exchange();
    }

    /** The console's page for {@code username} with {@code roles}: 200, its HTML. */
    private String consolePage(String username, String... roles) {
        return console(username, roles)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static String tokenFor(String subject) {
        return tokens.token(List.of("merchant_admin"), claims -> claims.subject(subject));
    }
}

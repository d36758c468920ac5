package app.thaw.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every Thaw service promises from its first day, checked against the real application:
 * it boots on the embedded store, validates tokens itself, answers whoami under its own area,
 * and reports readiness including its store. Each service's test extends this and names its area
 * and service name; annotate the subclass with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
 * and {@code @AutoConfigureWebTestClient}.
 */
public abstract class ServiceContractTests {

    /** Lives as long as the test JVM: Spring caches the application context across test classes. */
    protected static final TestTokens tokens = new TestTokens();

    @DynamicPropertySource
    static void contractProperties(DynamicPropertyRegistry registry) throws java.io.IOException {
        Path dataDir = Files.createTempDirectory("thaw-service-test");
        registry.add("thaw.security.jwk-set-uri", tokens::jwkSetUri);
        registry.add("thaw.store.data-dir", dataDir::toString);
    }

    @Autowired
    protected WebTestClient web;

    /** The service's area: the path segment after /api/v1/ and its database's name. */
    protected abstract String area();

    /** spring.application.name of the service. */
    protected abstract String serviceName();

    @Test
    void whoamiWithoutATokenAnswers401Problem() {
        ApiAnswers.unauthenticated(
                        web.get().uri("/api/v1/" + area() + "/whoami").exchange())
                .jsonPath("$.code")
                .isEqualTo("unauthenticated");
    }

    @Test
    void whoamiReportsTheCallersTenantAndRolesFromTheToken() {
        web.get()
                .uri("/api/v1/" + area() + "/whoami")
                .headers(h -> h.setBearerAuth(tokens.token("staff_agent")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo(serviceName())
                .jsonPath("$.tenantId")
                .isEqualTo("acme")
                .jsonPath("$.roles[0]")
                .isEqualTo("staff_agent");
    }

    @Test
    void aTokenForAnotherAudienceIsRejectedByTheServiceItself() {
        String elsewhere = tokens.token(java.util.List.of("platform_admin"), claims -> claims.audience("account"));
        web.get()
                .uri("/api/v1/" + area() + "/whoami")
                .headers(h -> h.setBearerAuth(elsewhere))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid_token");
    }

    @Test
    void isReadyWithItsStore() {
        web.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.store.status")
                .isEqualTo("UP");
    }

    @Test
    void publishesAnOpenApiDocumentWithBearerSecurity() {
        ApiAnswers.apiDocument(web)
                .jsonPath("$.openapi")
                .value(version -> org.assertj.core.api.Assertions.assertThat((String) version)
                        .startsWith("3.1"))
                .jsonPath("$.components.securitySchemes.bearer.scheme")
                .isEqualTo("bearer")
                .jsonPath("$.servers[0].url")
                .isEqualTo("http://localhost:8080")
                .jsonPath("$.paths['/api/v1/" + area() + "/whoami'].get")
                .exists();
    }

    /**
     * Every API operation says which roles may call it ({@code x-thaw-roles}, ADR 51), from the
     * annotation the security chain enforces; only an operation that needs no token
     * ({@code security: []}) says none. The role matrix of the system tests is generated from these.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationDeclaresTheRolesThatMayCallIt() {
        // The document is built on its first request: seconds on a busy machine.
        java.util.Map<String, Object> document = web.mutate()
                .responseTimeout(java.time.Duration.ofSeconds(60))
                .build()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(java.util.Map.class)
                .returnResult()
                .getResponseBody();
        java.util.List<String> undeclared = new java.util.ArrayList<>();
        ((java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>>) document.get("paths"))
                .forEach((path, operations) -> operations.forEach((method, operation) -> {
                    boolean open =
                            operation.get("security") instanceof java.util.List<?> security && security.isEmpty();
                    if (path.startsWith("/api/")
                            && !open
                            && !(operation.get("x-thaw-roles") instanceof java.util.List<?>)) {
                        undeclared.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
                    }
                }));
        org.assertj.core.api.Assertions.assertThat(undeclared)
                .as("operations without x-thaw-roles")
                .isEmpty();
    }
}

package app.thaw.monitor.tenants;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.thaw.platform.events.ServiceTokens;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The few calls of Keycloak's admin REST API ({@code {base}/...}, {@code base} the realm's admin
 * address, {@code http://host/admin/realms/thaw}) that onboarding makes, with identity-monitor's own
 * client-credentials token (its service account holds the realm-management roles, ADR 64). Plain
 * WebClient rather than {@code keycloak-admin-client}: that one is a blocking RESTEasy client on
 * Jackson 2 (ADR 64 says why it stays out).
 *
 * <p>Every call names its {@code step}; a transport failure, a timeout or an answer the step does
 * not expect fails with {@link StepFailed}, which the onboarding answers as 502
 * {@code tenant_onboarding_incomplete}.
 */
public final class KeycloakAdmin {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    private final WebClient web;
    private final String base;
    private final ServiceTokens tokens;

    public KeycloakAdmin(WebClient web, URI base, ServiceTokens tokens) {
        this.web = web;
        this.base = base.toString().replaceAll("/+$", "");
        this.tokens = tokens;
    }

    /** The realm's admin base from a URI of the realm ({@code …/realms/thaw[/protocol/openid-connect/certs]}). */
    public static URI adminBase(URI realmUri) {
        String realm = realmUri.toString()
                .replaceFirst("/protocol/openid-connect/.*$", "")
                .replaceAll("/+$", "");
        return URI.create(realm.replaceFirst("/realms/", "/admin/realms/"));
    }

    /** A step that did not go through: what it was and why. */
    public static final class StepFailed extends RuntimeException {
        private final String step;

        StepFailed(String step, String why) {
            super(why);
            this.step = step;
        }

        public String step() {
            return step;
        }
    }

    /** What a create answered: the new object's id (from {@code Location}), or that one exists already (409). */
    public sealed interface Created {
        record Made(String id) implements Created {}

        record Exists(String why) implements Created {}
    }

    /** {@code GET} of a list. */
    public Mono<List<Map<String, Object>>> list(String step, String path, Object... variables) {
        return call(step, HttpMethod.GET, path, null, variables, response -> {
            if (response.statusCode().is2xxSuccessful()) {
                return response.bodyToMono(LIST).defaultIfEmpty(List.of());
            }
            return unexpected(step, response);
        });
    }

    /** {@code GET} of one object; empty when Keycloak answers 404. */
    public Mono<Map<String, Object>> find(String step, String path, Object... variables) {
        return call(step, HttpMethod.GET, path, null, variables, response -> {
            if (response.statusCode().is2xxSuccessful()) {
                return response.bodyToMono(OBJECT);
            }
            if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return response.releaseBody().then(Mono.empty());
            }
            return unexpected(step, response);
        });
    }

    /** {@code POST} that creates: the id from {@code Location}, or {@link Created.Exists} on 409. */
    public Mono<Created> create(String step, Object body, String path, Object... variables) {
        return call(step, HttpMethod.POST, path, body, variables, response -> {
            if (response.statusCode().value() == HttpStatus.CONFLICT.value()) {
                return response.bodyToMono(String.class).defaultIfEmpty("").map(why ->
                        (Created) new Created.Exists(why));
            }
            if (response.statusCode().is2xxSuccessful()) {
                URI location = response.headers().asHttpHeaders().getLocation();
                String id = location == null ? "" : location.getPath().replaceAll("^.*/", "");
                return response.releaseBody().thenReturn((Created) new Created.Made(id));
            }
            return unexpected(step, response);
        });
    }

    /** {@code POST} or {@code PUT} whose answer carries nothing the step needs (409 counts as done). */
    public Mono<Void> send(String step, HttpMethod method, Object body, String path, Object... variables) {
        return call(step, method, path, body, variables, response -> {
            if (response.statusCode().is2xxSuccessful()
                    || response.statusCode().value() == HttpStatus.CONFLICT.value()) {
                return response.releaseBody();
            }
            return unexpected(step, response);
        });
    }

    private <T> Mono<T> call(
            String step,
            HttpMethod method,
            String path,
            @org.jspecify.annotations.Nullable Object body,
            Object[] variables,
            java.util.function.Function<ClientResponse, Mono<T>> answer) {
        return tokens.token()
                .flatMap(token -> {
                    WebClient.RequestBodySpec request = web.method(method)
                            .uri(base + path, variables)
                            .headers(headers -> headers.setBearerAuth(token))
                            .accept(MediaType.APPLICATION_JSON);
                    WebClient.RequestHeadersSpec<?> ready = body == null
                            ? request
                            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                    return ready.exchangeToMono(answer);
                })
                .timeout(TIMEOUT)
                .onErrorMap(
                        failure -> !(failure instanceof StepFailed),
                        failure -> new StepFailed(step, describe(failure)));
    }

    private static <T> Mono<T> unexpected(String step, ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .flatMap(body -> Mono.error(new StepFailed(
                        step, "Keycloak answered " + status + (body.isBlank() ? "" : " " + abbreviate(body)))));
    }

    private static String describe(Throwable failure) {
        return failure instanceof java.util.concurrent.TimeoutException
                ? "Keycloak did not answer within " + TIMEOUT.toSeconds() + " s"
                : "Keycloak could not be reached (" + failure.getClass().getSimpleName() + ")";
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /**
     * The body of {@code POST /organizations/{id}/members}: the user's id as it is, as Keycloak's own admin
     * client sends it (newer servers also take it quoted as a JSON string); bytes, so no encoder quotes it.
     */
    public static byte[] memberBody(String id) {
        if (!id.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("Not a Keycloak id: " + id);
        }
        return id.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static Optional<String> firstAttribute(Map<String, Object> representation, String name) {
        if (representation.get("attributes") instanceof Map<?, ?> attributes) {
            Object value = attributes.get(name);
            if (value instanceof List<?> values && !values.isEmpty()) {
                return Optional.of(String.valueOf(values.getFirst()));
            }
            if (value instanceof String single) {
                return Optional.of(single);
            }
        }
        return Optional.empty();
    }
}

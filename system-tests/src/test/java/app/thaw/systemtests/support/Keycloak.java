package app.thaw.systemtests.support;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/** Access tokens from the real Keycloak of the test run, as Thaw's users and clients obtain them. */
public final class Keycloak {

    /** The demo users' password (infra/keycloak/README.md). */
    public static final String DEMO_PASSWORD = "thaw-demo";

    private final String baseUrl;
    private final WebClient web = WebClient.create();

    public Keycloak(ThawPlatform platform) {
        this(platform.keycloakUrl());
    }

    /** A Keycloak at {@code baseUrl}, e.g. http://localhost:8180. */
    public Keycloak(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A user's token, through the test-only client that allows the password grant. */
    public String userToken(String username) {
        return passwordToken("thaw", "thaw-test", username, DEMO_PASSWORD);
    }

    public String passwordToken(String realm, String clientId, String username, String password) {
        return token(
                realm,
                Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password));
    }

    /** A machine client's token (client credentials), e.g. demo-bank / demo-bank-secret. */
    public String clientToken(String clientId, String secret) {
        return token(
                "thaw", Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String token(String realm, Map<String, String> form) {
        BodyInserters.FormInserter<String> body = BodyInserters.fromFormData("grant_type", form.get("grant_type"));
        form.forEach((key, value) -> {
            if (!key.equals("grant_type")) {
                body.with(key, value);
            }
        });
        Map<?, ?> response = web.post()
                .uri(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(body)
                .retrieve()
                .bodyToMono(Map.class)
                .block();
        if (response == null || !(response.get("access_token") instanceof String token)) {
            throw new IllegalStateException(
                    "Keycloak gave no access token for " + form.get("client_id") + ": " + response);
        }
        return token;
    }
}

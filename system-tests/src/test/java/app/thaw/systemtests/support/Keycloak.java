package app.thaw.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    // ---- a person's first sign-in ------------------------------------------------------------

    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]*/login-actions/[^\"]*)\"");

    /**
     * A new user's first sign-in, as its person does it in a browser: the console's login (authorization
     * code with PKCE, client {@code thaw-gateway}, redirect to {@code gatewayUrl}), the user name and the
     * temporary password on Keycloak's login page (or pages: user name first, as {@link Browser} knows), then Keycloak's "update password" page (the required
     * action {@code UPDATE_PASSWORD}) with {@code newPassword}. Ends at the redirect back to the gateway
     * with a code, which it does not follow. Cookies are kept by hand: the JDK's cookie manager withholds
     * {@code Secure} ones over plain http.
     */
    public void firstSignIn(String gatewayUrl, String username, String temporaryPassword, String newPassword) {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(15))
                .build();
        Map<String, String> cookies = new LinkedHashMap<>();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String redirect = gatewayUrl + "/login/oauth2/code/keycloak";
        String authorize = baseUrl + "/realms/thaw/protocol/openid-connect/auth?"
                + form(Map.of(
                        "client_id",
                        "thaw-gateway",
                        "redirect_uri",
                        redirect,
                        "response_type",
                        "code",
                        "scope",
                        "openid",
                        "state",
                        UUID.randomUUID().toString(),
                        "nonce",
                        UUID.randomUUID().toString(),
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
        HttpResponse<String> page =
                send(http, HttpRequest.newBuilder(URI.create(authorize)).GET(), cookies);
        page = followWithinKeycloak(http, page, cookies);
        Map<String, String> credentials =
                new LinkedHashMap<>(Map.of("password", temporaryPassword, "credentialId", ""));
        if (page.body().contains("name=\"password\"")) {
            credentials.put("username", username);
        } else {
            // With organizations on, the realm asks for the user name first (to find the user's organization),
            // then for the password on a page of its own.
            page = followWithinKeycloak(
                    http, send(http, post(action(page, "login page"), Map.of("username", username)), cookies), cookies);
        }
        HttpResponse<String> afterLogin = send(http, post(action(page, "password page"), credentials), cookies);
        afterLogin = followWithinKeycloak(http, afterLogin, cookies);
        if (!afterLogin.body().contains("password-new")) {
            throw new IllegalStateException("Keycloak did not ask " + username + " for a new password: "
                    + afterLogin.statusCode() + " " + excerpt(afterLogin.body()));
        }
        HttpResponse<String> done = send(
                http,
                post(
                        action(afterLogin, "update password page"),
                        Map.of("password-new", newPassword, "password-confirm", newPassword)),
                cookies);
        String location = done.headers().firstValue("Location").orElse("");
        if (done.statusCode() != 302 || !location.startsWith(redirect) || !location.contains("code=")) {
            throw new IllegalStateException("Keycloak did not sign " + username + " in after the new password: "
                    + done.statusCode() + " " + location + " " + excerpt(done.body()));
        }
    }

    /** Follows redirects that stay within Keycloak (a required action's page), stopping at any other. */
    private HttpResponse<String> followWithinKeycloak(
            HttpClient http, HttpResponse<String> response, Map<String, String> cookies) {
        for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
            String location = response.headers().firstValue("Location").orElse("");
            if (!location.startsWith(baseUrl)) {
                return response;
            }
            response = send(http, HttpRequest.newBuilder(URI.create(location)).GET(), cookies);
        }
        return response;
    }

    private static HttpResponse<String> send(
            HttpClient http, HttpRequest.Builder request, Map<String, String> cookies) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    String name = pair.substring(0, equals).strip();
                    String value = pair.substring(equals + 1).strip();
                    if (value.isEmpty()
                            || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder post(String url, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
    }

    private static String action(HttpResponse<String> page, String what) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException(
                    "No form on Keycloak's " + what + ": " + page.statusCode() + " " + excerpt(page.body()));
        }
        return action.group(1).replace("&amp;", "&");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String excerpt(String html) {
        String text = html.replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    /**
     * Sets a user's password through the master realm's admin ({@code admin}/{@code admin}, as the test run
     * starts Keycloak): for tests that need a signed-in user but not its first sign-in.
     */
    public void setPassword(String username, String password) {
        String admin = passwordToken("master", "admin-cli", "admin", "admin");
        List<?> users = web.get()
                .uri(baseUrl + "/admin/realms/thaw/users?username={u}&exact=true", username)
                .headers(h -> h.setBearerAuth(admin))
                .retrieve()
                .bodyToMono(List.class)
                .block();
        if (users == null || users.isEmpty() || !(users.getFirst() instanceof Map<?, ?> user)) {
            throw new IllegalStateException("No user " + username);
        }
        web.put()
                .uri(baseUrl + "/admin/realms/thaw/users/{id}/reset-password", user.get("id"))
                .headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "password", "value", password, "temporary", false))
                .retrieve()
                .toBodilessEntity()
                .block();
    }
}

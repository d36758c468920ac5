package app.thaw.platform.testing;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Calls to a service's API as a caller with a bearer token, written once for the tests of every service: a test base
 * that implements this names its client ({@link #web()}); the calls answer the exchange for the test to assert on.
 */
public interface ApiCalls {

    /** The client the calls are made with. */
    WebTestClient web();

    /** Gets {@code path} with {@code bearer}. */
    default WebTestClient.ResponseSpec getAs(String bearer, String path, Object... variables) {
        return web().get()
                .uri(path, variables)
                .headers(h -> h.setBearerAuth(bearer))
                .exchange();
    }

    /** Posts to {@code path}, with no body, with {@code bearer}. */
    default WebTestClient.ResponseSpec postAs(String bearer, String path, Object... variables) {
        return web().post()
                .uri(path, variables)
                .headers(h -> h.setBearerAuth(bearer))
                .exchange();
    }

    /** Deletes {@code path} with {@code bearer}. */
    default WebTestClient.ResponseSpec deleteAs(String bearer, String path, Object... variables) {
        return web().delete()
                .uri(path, variables)
                .headers(h -> h.setBearerAuth(bearer))
                .exchange();
    }

    /** Posts {@code body} as JSON with {@code bearer}. */
    default WebTestClient.ResponseSpec postJson(String bearer, String path, Object body, Object... variables) {
        return sendJson(web().post(), bearer, path, body, variables);
    }

    /** Puts {@code body} as JSON with {@code bearer}. */
    default WebTestClient.ResponseSpec putJson(String bearer, String path, Object body, Object... variables) {
        return sendJson(web().put(), bearer, path, body, variables);
    }

    /** Posts {@code body} as JSON with {@code bearer} under the Idempotency-Key {@code key}. */
    default WebTestClient.ResponseSpec postJsonKeyed(
            String bearer, String key, String path, Object body, Object... variables) {
        return web().post()
                .uri(path, variables)
                .headers(h -> {
                    h.setBearerAuth(bearer);
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static WebTestClient.ResponseSpec sendJson(
            WebTestClient.RequestBodyUriSpec method, String bearer, String path, Object body, Object... variables) {
        return method.uri(path, variables)
                .headers(h -> h.setBearerAuth(bearer))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}

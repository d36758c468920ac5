package app.thaw.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import reactor.core.publisher.Mono;

/** {@link BearerTokens} answers every request exactly as Spring Security's own converter does. */
class BearerTokensTests {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhY21lLWFkbWluIn0.c2lnbmF0dXJlLXBhcnQ_-";

    private final ServerAuthenticationConverter ours = new BearerTokens();
    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Test
    void aWellFormedBearerHeaderIsReadWithoutSpringsPattern() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/api/v1/cases/whoami")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + JWT)
                .build();

        assertThat(BearerTokens.wellFormedToken(request)).isEqualTo(JWT);
        assertThat(outcome(ours, "/x", "Bearer " + JWT)).isEqualTo("token:" + JWT);
    }

    @Test
    void everyHeaderGetsSpringsAnswer() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer " + JWT,
                "bearer " + JWT,
                "BEARER " + JWT,
                "Bearer " + JWT + "=",
                "Bearer " + JWT + "==",
                "Bearer abc=def",
                "Bearer =",
                "Bearer ",
                "Bearer",
                "Bearer  " + JWT,
                "Bearer\t" + JWT,
                "Bearer " + JWT + " ",
                "Bearer " + JWT + "\n",
                "Bearer " + JWT + ",other",
                "Bearer a,b",
                "Bearer ａｂｃ", // full-width letters are not token characters
                "Bearer tok\u00e9n",
                "Bearer tok%20en",
                "Bearer tok\u0000en",
                "Basic dXNlcjpwYXNz",
                "Bearerabc",
                "Token " + JWT,
                "",
                " Bearer " + JWT));
        Random random = new Random(18);
        String alphabet = "aZ09-._~+/=, \t%é\u3000ｂ\u0000\n";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder token = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add((random.nextBoolean() ? "Bearer " : "bEaReR ") + token);
        }
        for (String header : headers) {
            assertThat(outcome(ours, "/x", header)).as(header).isEqualTo(outcome(spring, "/x", header));
        }
    }

    @Test
    void aTokenInTheQueryGetsSpringsAnswer() {
        for (String path : List.of("/x?access_token=" + JWT, "/x?a=1&access_token=abc", "/x?my_access_token=1")) {
            assertThat(outcome(ours, path, "Bearer " + JWT)).as(path).isEqualTo(outcome(spring, path, "Bearer " + JWT));
            assertThat(outcome(ours, path, null)).as(path).isEqualTo(outcome(spring, path, null));
        }
    }

    /** What a converter made of the request: the token, nothing, or the error it raised. */
    private static String outcome(ServerAuthenticationConverter converter, String path, String authorization) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try {
            Authentication authentication = converter
                    .convert(MockServerWebExchange.from(request.build()))
                    .onErrorResume(failure -> Mono.error(
                            new IllegalStateException(failure.getClass().getName() + ": " + failure.getMessage())))
                    .block();
            return authentication == null
                    ? "none"
                    : "token:" + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (IllegalStateException failure) {
            return "error:" + failure.getMessage();
        }
    }
}

package app.thaw.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token of a request the way Spring Security does, without its regular expression
 * on the common path. Spring's converter matches the whole {@code Authorization} header against a
 * case-insensitive pattern; over a 1.5 kB Keycloak token that match was 11 % of the gateway's CPU per
 * proxied call and 12 % of a service's (JFR, docs/benchmarks/gateway.md). A header that is exactly
 * {@code Bearer <b64token>} (RFC 6750 §2.1: {@code [A-Za-z0-9-._~+/]+=*}) on a request without an
 * {@code access_token} query parameter is read here with a loop over its characters; every other
 * request — no header, another scheme, a malformed token, a token in the query — goes to Spring's own
 * converter, so its answers and errors stay exactly Spring's ({@code BearerTokensTests} compares both).
 */
public final class BearerTokens implements ServerAuthenticationConverter {

    private static final String PREFIX = "Bearer ";
    /** Where the token starts in a well-formed {@code Bearer} header. */
    public static final int PREFIX_LENGTH = PREFIX.length();

    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String token = wellFormedToken(exchange.getRequest());
        return token != null ? Mono.just(new BearerTokenAuthenticationToken(token)) : spring.convert(exchange);
    }

    /** The token of a well-formed {@code Bearer} header on a request with no token in its query; else null. */
    static @Nullable String wellFormedToken(ServerHttpRequest request) {
        return wellFormedToken(
                request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION),
                request.getURI().getRawQuery());
    }

    /**
     * The token of a well-formed {@code Bearer} header when the query holds no {@code access_token}; else null
     * (the request is then one for Spring's own converter, which decides what is wrong with it).
     */
    public static @Nullable String wellFormedToken(@Nullable String authorization, @Nullable String rawQuery) {
        return hasWellFormedToken(authorization, rawQuery) ? authorization.substring(PREFIX.length()) : null;
    }

    /**
     * Whether {@link #wellFormedToken(String, String)} would find a token, without copying it out: for a proxy
     * that decides whether to take a request before it reads the token ({@link #PREFIX_LENGTH} on is the token).
     */
    public static boolean hasWellFormedToken(@Nullable String authorization, @Nullable String rawQuery) {
        return authorization != null
                && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && (rawQuery == null || !rawQuery.contains("access_token"))
                && isB64Token(authorization, PREFIX.length());
    }

    /** RFC 6750's b64token from {@code start} to the end: one or more token characters, then only '='. */
    static boolean isB64Token(String value, int start) {
        int i = start;
        int end = value.length();
        while (i < end && isTokenCharacter(value.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < end && value.charAt(i) == '=') {
            i++;
        }
        return i == end;
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}

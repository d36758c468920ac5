package app.thaw.platform.security;

import app.thaw.platform.problem.ProblemResponses;
import app.thaw.platform.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a missing or rejected token with 401, and a token whose roles fall short with 403, as
 * problem documents with the {@code WWW-Authenticate} challenge RFC 6750 asks for. The detail
 * says why a token was rejected (expired, wrong issuer, wrong audience…) so a client developer
 * can fix it; it never repeats the token.
 */
public class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses responses;

    public ProblemAuthenticationEntryPoint(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        ProblemDetail problem;
        String challenge;
        if (failure instanceof OAuth2AuthenticationException rejected) {
            String reason = rejected.getError().getDescription();
            problem = Problems.of(
                    HttpStatus.UNAUTHORIZED,
                    "invalid_token",
                    "The bearer token was rejected" + (reason != null ? ": " + reason : "."));
            challenge = "Bearer error=\"invalid_token\", error_description=\"The bearer token was rejected\"";
        } else {
            problem = Problems.of(
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "A bearer token from Thaw's Keycloak realm is required.");
            challenge = "Bearer";
        }
        problem.setTitle("Unauthorized");
        return responses.write(exchange, problem, headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this action.");
        // Refused by an operation's declared roles (ADR 51): say which roles it allows.
        if (exchange.getAttribute(RoleGate.ALLOWED) instanceof java.util.List<?> allowed) {
            problem.setDetail("This operation is for the roles "
                    + String.join(", ", allowed.stream().map(String::valueOf).toList()) + ".");
            problem.setProperty("allowedRoles", allowed);
        }
        return responses.write(
                exchange,
                problem,
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""));
    }
}

package app.thaw.platform.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The tenant context: handlers and repositories ask here who is calling, and scope every read
 * and write by {@link Caller#tenantId()}.
 */
public final class CurrentCaller {

    private CurrentCaller() {}

    /** The caller of the current request; an error if the request carries no validated token. */
    public static Mono<Caller> get() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> Caller.from(((JwtAuthenticationToken) authentication).getToken()))
                .switchIfEmpty(
                        Mono.error(() -> new AuthenticationCredentialsNotFoundException("No validated bearer token")));
    }

    /** The caller's tenant id. */
    public static Mono<String> tenantId() {
        return get().map(Caller::tenantId);
    }
}

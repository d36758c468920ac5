package app.thaw.platform.security;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security chain's rule for the API (ADR 51): a request must be authenticated, and when its
 * handler declares {@link AllowedRoles}, the token must hold one of them. Decided from the handler
 * the request maps to, before anything reads its body or its {@code Idempotency-Key}; a refusal is
 * 403 {@code forbidden} with the allowed roles ({@code allowedRoles}). A request that maps to no
 * handler (404, 405) is left to the handler mapping's own answer.
 */
public class RoleGate implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Exchange attribute: the roles the refused request's operation allows, for the 403 problem. */
    static final String ALLOWED = RoleGate.class.getName() + ".allowed";

    /** The application's own controllers' mapping (not the actuator's {@code controllerEndpointHandlerMapping}). */
    public static final String MAPPING = "requestMappingHandlerMapping";

    private final Supplier<@Nullable RequestMappingHandlerMapping> mappings;

    /** The mapping, looked up in the context once (on the first request, when the context is complete). */
    private volatile @Nullable Optional<RequestMappingHandlerMapping> mapping;

    /** Each handler method's declaration, read once: merging annotations on every request was measurable. */
    private final Map<Method, Optional<SortedSet<String>>> declarations = new ConcurrentHashMap<>();

    /**
     * Whether any handler of the mapping declares roles, decided on first use (the mapping is complete by
     * then). When none does — the gateway, whose API requests all map to routes, not to its own
     * controllers — no request is looked up in the mapping at all: the lookup that could only find
     * nothing was 2–3 % of the gateway's CPU per proxied call.
     */
    private volatile @Nullable Boolean anyDeclared;

    public RoleGate(Supplier<@Nullable RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** The application's controllers' mapping from the context, if it has one. */
    public static @Nullable RequestMappingHandlerMapping mapping(BeanFactory beans) {
        return beans.containsBean(MAPPING) && beans.isTypeMatch(MAPPING, RequestMappingHandlerMapping.class)
                ? beans.getBean(MAPPING, RequestMappingHandlerMapping.class)
                : null;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerWebExchange exchange = context.getExchange();
        return authentication
                .filter(Authentication::isAuthenticated)
                .flatMap(signedIn -> declared(exchange)
                        .map(allowed -> {
                            boolean granted = signedIn.getAuthorities().stream()
                                    .map(GrantedAuthority::getAuthority)
                                    .anyMatch(authority ->
                                            authority.startsWith("ROLE_") && allowed.contains(authority.substring(5)));
                            if (!granted) {
                                exchange.getAttributes().put(ALLOWED, List.copyOf(allowed));
                            }
                            return (AuthorizationResult) new AuthorizationDecision(granted);
                        })
                        .defaultIfEmpty(new AuthorizationDecision(true)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /** The roles the request's handler allows; empty when it maps to no handler or declares none. */
    private Mono<SortedSet<String>> declared(ServerWebExchange exchange) {
        Optional<RequestMappingHandlerMapping> known = this.mapping;
        if (known == null) {
            known = Optional.ofNullable(mappings.get());
            this.mapping = known;
        }
        RequestMappingHandlerMapping mapping = known.orElse(null);
        if (mapping == null || !anyDeclared(mapping)) {
            return Mono.empty();
        }
        return mapping.getHandler(exchange)
                .flatMap(handler -> Mono.justOrEmpty(
                        handler instanceof HandlerMethod method
                                ? declarations.computeIfAbsent(method.getMethod(), key -> allowed(method))
                                : Optional.empty()))
                // No handler matches (404, 405, 415…): the dispatcher answers that itself.
                .onErrorResume(noHandler -> Mono.empty());
    }

    private boolean anyDeclared(RequestMappingHandlerMapping mapping) {
        Boolean known = anyDeclared;
        if (known == null) {
            known = mapping.getHandlerMethods().values().stream()
                    .anyMatch(method -> allowed(method).isPresent());
            anyDeclared = known;
        }
        return known;
    }

    /** The roles a handler method declares (its own annotation, else its controller's), expanded and sorted. */
    public static Optional<SortedSet<String>> allowed(HandlerMethod method) {
        AllowedRoles declared = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), AllowedRoles.class);
        if (declared == null) {
            declared = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), AllowedRoles.class);
        }
        if (declared == null) {
            return Optional.empty();
        }
        SortedSet<String> roles = new TreeSet<>();
        for (String role : declared.value()) {
            if (AllowedRoles.ANY_USER.equals(role)) {
                roles.addAll(ThawRoles.USERS);
            } else if (ThawRoles.ALL.contains(role)) {
                roles.add(role);
            } else {
                throw new IllegalStateException("@AllowedRoles on " + method + " names an unknown role: " + role);
            }
        }
        return Optional.of(Collections.unmodifiableSortedSet(roles));
    }
}

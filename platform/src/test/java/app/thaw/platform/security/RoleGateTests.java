package app.thaw.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The role gate decides from the handler's declaration, and asks the mapping only when any handler declares roles. */
class RoleGateTests {

    @RestController
    static class Undeclared {
        @GetMapping("/open")
        String open() {
            return "open";
        }
    }

    @RestController
    static class Declared {
        @GetMapping("/staff")
        @AllowedRoles(ThawRoles.STAFF_AGENT)
        String staff() {
            return "staff";
        }

        @GetMapping("/open")
        String open() {
            return "open";
        }
    }

    @Test
    void aMappingWhereNoHandlerDeclaresRolesIsNeverAskedForAHandler() {
        CountingMapping mapping = mapping(Undeclared.class);
        RoleGate gate = new RoleGate(() -> mapping);

        for (int i = 0; i < 3; i++) {
            assertThat(decide(gate, "/open", "merchant_admin").isGranted()).isTrue();
            assertThat(decide(gate, "/api/v1/cases/whoami", "merchant_admin").isGranted())
                    .isTrue();
        }
        assertThat(mapping.lookups).hasValue(0);
    }

    @Test
    void aDeclaredHandlerAdmitsItsRolesOnlyEveryTime() {
        CountingMapping mapping = mapping(Declared.class);
        RoleGate gate = new RoleGate(() -> mapping);

        for (int i = 0; i < 3; i++) {
            assertThat(decide(gate, "/staff", ThawRoles.STAFF_AGENT).isGranted())
                    .isTrue();
            assertThat(decide(gate, "/staff", "merchant_admin").isGranted()).isFalse();
            assertThat(decide(gate, "/open", "merchant_admin").isGranted()).isTrue();
        }
        assertThat(mapping.lookups).hasValue(9);
    }

    @Test
    void anUnauthenticatedCallerIsRefused() {
        RoleGate gate = new RoleGate(() -> mapping(Undeclared.class));
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/open"));
        TestingAuthenticationToken anonymous = new TestingAuthenticationToken("x", "y");
        anonymous.setAuthenticated(false);

        assertThat(gate.authorize(Mono.just(anonymous), new AuthorizationContext(exchange))
                        .block()
                        .isGranted())
                .isFalse();
    }

    private static AuthorizationResult decide(RoleGate gate, String path, String role) {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        Authentication caller = new TestingAuthenticationToken("caller", "n/a", List.of(() -> "ROLE_" + role));
        return gate.authorize(Mono.just(caller), new AuthorizationContext(exchange))
                .block();
    }

    private static CountingMapping mapping(Class<?> controller) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(controller);
        context.refresh();
        CountingMapping mapping = new CountingMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    static class CountingMapping extends RequestMappingHandlerMapping {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public Mono<Object> getHandler(ServerWebExchange exchange) {
            lookups.incrementAndGet();
            return super.getHandler(exchange);
        }
    }
}

package app.thaw.gateway.console;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The console's session cookie is the gateway's alone: it is taken out of every request relayed
 * to a service (the services get the session's access token instead, by TokenRelay). Other
 * cookies, such as the remembered language, still pass. A session id is a credential; no service
 * needs it, and a service must not be able to answer for it (see ADR 0007).
 */
@Component
class ConsoleSessionStaysHere implements GlobalFilter, Ordered {

    private final String sessionCookie;

    ConsoleSessionStaysHere(@Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!exchange.getRequest().getCookies().containsKey(sessionCookie)) {
            return chain.filter(exchange);
        }
        String others = exchange.getRequest().getCookies().values().stream()
                .flatMap(List::stream)
                .filter(cookie -> !cookie.getName().equals(sessionCookie))
                .map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
        ServerHttpRequest relayed = exchange.getRequest()
                .mutate()
                .headers(headers -> {
                    if (others.isEmpty()) {
                        headers.remove(HttpHeaders.COOKIE);
                    } else {
                        headers.set(HttpHeaders.COOKIE, others);
                    }
                })
                .build();
        return chain.filter(exchange.mutate().request(relayed).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

package app.thaw.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API routes of {@code application.yml} as the data plane reads them: every Spring Cloud Gateway route
 * with a {@code ServiceBreaker=<service>} filter and only {@code Path} predicates. One table for both paths:
 * a request the data plane leaves to Spring Cloud Gateway meets the very same route there.
 */
record ApiRoutes(List<Route> routes) {

    private static final String BREAKER = "ServiceBreaker";
    private static final String PATH = "Path";
    private static final String RESPONSE_TIMEOUT = "response-timeout";

    /**
     * One API route.
     *
     * @param id              the route's id in application.yml (a metric tag)
     * @param service         the breaker's name ({@code cases}, {@code evidence}…)
     * @param patterns        the paths it serves
     * @param uri             where it goes: {@code http://host:port}, or {@code lb://<service>} over the load balancer
     * @param responseTimeout how long the service may take to start its answer once the request is sent
     */
    record Route(String id, String service, List<PathPattern> patterns, URI uri, Duration responseTimeout) {

        boolean matches(PathContainer path) {
            for (PathPattern pattern : patterns) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }

        boolean loadBalanced() {
            return "lb".equals(uri.getScheme());
        }
    }

    static ApiRoutes of(GatewayProperties gateway, Duration defaultResponseTimeout) {
        List<Route> routes = new ArrayList<>();
        for (RouteDefinition definition : gateway.getRoutes()) {
            String service = breakerOf(definition);
            if (service == null
                    || definition.getPredicates().isEmpty()
                    || !definition.getPredicates().stream().allMatch(p -> PATH.equals(p.getName()))) {
                continue;
            }
            List<PathPattern> patterns = definition.getPredicates().stream()
                    .map(PredicateDefinition::getArgs)
                    .flatMap(args -> args.values().stream())
                    .flatMap(value -> List.of(value.split(",")).stream())
                    .map(String::trim)
                    .filter(pattern -> !pattern.isEmpty())
                    .map(PathPatternParser.defaultInstance::parse)
                    .toList();
            Object timeout = definition.getMetadata().get(RESPONSE_TIMEOUT);
            routes.add(new Route(
                    definition.getId(),
                    service,
                    patterns,
                    definition.getUri(),
                    timeout == null
                            ? defaultResponseTimeout
                            : Duration.ofMillis(
                                    Long.parseLong(timeout.toString().trim()))));
        }
        return new ApiRoutes(List.copyOf(routes));
    }

    /** The first route, in the order of application.yml (as Spring Cloud Gateway picks), that serves the path. */
    @Nullable
    Route match(PathContainer path) {
        for (Route route : routes) {
            if (route.matches(path)) {
                return route;
            }
        }
        return null;
    }

    private static @Nullable String breakerOf(RouteDefinition definition) {
        for (FilterDefinition filter : definition.getFilters()) {
            if (BREAKER.equals(filter.getName())) {
                return filter.getArgs().values().stream().findFirst().orElse(null);
            }
        }
        return null;
    }
}

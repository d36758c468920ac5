package app.thaw.gateway.routing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import app.thaw.gateway.limits.ClientLimits;
import app.thaw.gateway.limits.LimitProperties;
import app.thaw.gateway.routing.ServiceBreakerGatewayFilterFactory.Call;
import app.thaw.platform.problem.ProblemResponses;
import app.thaw.platform.problem.Problems;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.BearerTokens;
import app.thaw.platform.security.FirewallHeaderRules;
import app.thaw.platform.security.PlatformSecurityAutoConfiguration;
import app.thaw.platform.security.ThawSecurityProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The API's data plane: plain authenticated calls to {@code /api/**} are proxied by Reactor Netty directly,
 * on the gateway's own port, without Spring WebFlux, Spring Security's filter chain or Spring Cloud
 * Gateway's filter chain (ADR 104). Each such call gets the same treatment as on the full path: its token
 * validated (and remembered) by the platform's decoder, the size limit, the client's and tenant's limits
 * ({@link ClientLimits}), the service's breaker ({@link ServiceBreakerGatewayFilterFactory}), a streamed
 * body both ways, the trace handed on, and the same problem documents.
 *
 * <p>What it takes is decided before anything is read, by {@link #takes}: a standard method, a path with
 * nothing to normalise or decode, headers Spring's strict firewall would pass, a well-formed bearer token, no
 * cookie and no upgrade, on an API route that is neither public nor platform administration. Everything
 * else — a missing or malformed token, a percent-encoded path, a browser's cookie, {@code OPTIONS}, an admin
 * call — goes on to the full WebFlux path, which answers it exactly as before. The route table is Spring
 * Cloud Gateway's own ({@link ApiRoutes}).
 */
@Component
@ConditionalOnProperty(name = "thaw.gateway.data-plane.enabled", matchIfMissing = true)
public class ApiDataPlane implements NettyRouteProvider {

    private static final Logger log = LoggerFactory.getLogger(ApiDataPlane.class);

    private static final Set<HttpMethod> METHODS = Set.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    /**
     * Not relayed either way (RFC 9110 §7.6.1, and Spring Cloud Gateway's list), besides {@code Host} and
     * {@code Expect} ({@link ExpectationsStayHere}).
     */
    private static final List<String> HOP_BY_HOP = List.of(
            "expect",
            "connection",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "proxy-authorization",
            "proxy-authenticate",
            "proxy-connection",
            "upgrade",
            "host");
    /** The headers Spring Security writes on every answer of the full path, so the gateway's own problems carry them here too. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "X-XSS-Protection", "0",
            "Referrer-Policy", "no-referrer");

    private final ApiRoutes routes;
    private final HttpClient client;
    private final ReactiveJwtDecoder tokens;
    private final ClientLimits limits;
    private final long maxRequestBytes;
    private final List<PathPattern> streamingPaths;
    private final List<PathPattern> leftToFullPath;
    private final ServiceBreakerGatewayFilterFactory breakers;
    private final ProblemResponses problems;
    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;
    /** The propagator's header names (traceparent, tracestate…): replaced by the gateway's own span's. */
    private final List<String> traceFields;

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final ObjectProvider<ReactiveLoadBalancer.Factory<ServiceInstance>> balancers;
    /** Calls without a body go through {@link LeanServiceClient} (ADR 104, addendum); off, all use Reactor Netty's. */
    private final boolean leanClient;

    private final int connectTimeoutMillis;

    ApiDataPlane(
            GatewayProperties gateway,
            HttpClientProperties httpClient,
            HttpClient client,
            ReactiveJwtDecoder tokens,
            ClientLimits limits,
            LimitProperties limitProperties,
            ThawSecurityProperties security,
            ServiceBreakerGatewayFilterFactory breakers,
            ProblemResponses problems,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator,
            MeterRegistry meters,
            ObjectProvider<ReactiveLoadBalancer.Factory<ServiceInstance>> balancers,
            @Value("${thaw.gateway.data-plane.lean-client:true}") boolean leanClient) {
        this.leanClient = leanClient;
        Integer connectTimeout = httpClient.getConnectTimeout();
        this.connectTimeoutMillis = connectTimeout != null ? connectTimeout : 2000;
        Duration defaultTimeout = httpClient.getResponseTimeout();
        this.routes = ApiRoutes.of(gateway, defaultTimeout != null ? defaultTimeout : Duration.ofSeconds(10));
        this.client = client;
        this.tokens = tokens;
        this.limits = limits;
        this.maxRequestBytes = limitProperties.maxRequestSize().toBytes();
        this.streamingPaths = limitProperties.streamingPaths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.leftToFullPath = java.util.stream.Stream.concat(
                        security.publicPaths().stream(),
                        java.util.stream.Stream.of(PlatformSecurityAutoConfiguration.ADMIN_PATHS))
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.breakers = breakers;
        this.problems = problems;
        this.tracer = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
        this.traceFields = this.propagator == null ? List.of() : List.copyOf(this.propagator.fields());
        this.meters = meters;
        this.balancers = balancers;
        log.info(
                "API data plane serves {} routes: {}",
                routes.routes().size(),
                routes.routes().stream().map(ApiRoutes.Route::id).toList());
    }

    /**
     * The client for one service address (a route's URL or a load-balanced instance's). Over plain HTTP it is
     * the gateway's client bound to that address, so each call names only its path: an absolute URL is parsed
     * by Reactor Netty with a regular expression on every call (5 % of the data plane's CPU per call, JFR).
     * The set of addresses is the configuration's, so the map stays small.
     */
    private Service service(URI address) {
        String base = address.getScheme() + "://" + address.getRawAuthority();
        return services.computeIfAbsent(base, key -> {
            if (!"http".equalsIgnoreCase(address.getScheme())) {
                return new Service(client, key, null, null); // as before: the absolute URL says how to connect
            }
            int port = address.getPort() < 0 ? 80 : address.getPort();
            String host = address.getHost();
            if (host.startsWith("[")) {
                host = host.substring(1, host.length() - 1); // an IPv6 literal
            }
            InetSocketAddress remote = InetSocketAddress.createUnresolved(host, port);
            return new Service(
                    client.remoteAddress(() -> remote),
                    "",
                    leanClient ? new LeanServiceClient(new InetSocketAddress(host, port), connectTimeoutMillis) : null,
                    address.getRawAuthority());
        });
    }

    /**
     * A service's client, and what goes before a request's path for it (nothing when the client is bound). Its
     * client per method is made once: Reactor Netty copies the client's whole configuration at each step of a
     * request's set-up, and those copies were the largest share of the data plane's allocation per call (JFR).
     */
    private static final class Service {
        private final Map<HttpMethod, HttpClient.RequestSender> senders = new ConcurrentHashMap<>();
        private final HttpClient client;
        private final String prefix;
        private final @Nullable LeanServiceClient lean;
        private final @Nullable String authority;

        Service(HttpClient client, String prefix, @Nullable LeanServiceClient lean, @Nullable String authority) {
            this.client = client;
            this.prefix = prefix;
            this.lean = lean;
            this.authority = authority;
        }

        HttpClient.RequestSender sender(HttpMethod method) {
            return senders.computeIfAbsent(method, client::request);
        }

        String prefix() {
            return prefix;
        }
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes serverRoutes) {
        return serverRoutes.route(this::takes, this::serve);
    }

    /** Whether the data plane serves this request (else the full WebFlux path does); nothing is read yet. */
    boolean takes(HttpServerRequest request) {
        if (!METHODS.contains(request.method())) {
            return false;
        }
        String uri = request.uri();
        int queryStart = uri.indexOf('?');
        String path = queryStart < 0 ? uri : uri.substring(0, queryStart);
        String query = queryStart < 0 ? null : uri.substring(queryStart + 1);
        if (!path.startsWith("/api/") || !isPlainPath(path) || (query != null && !isPlainQuery(query))) {
            return false;
        }
        HttpHeaders headers = request.requestHeaders();
        if (headers.contains(HttpHeaderNames.COOKIE) || headers.contains(HttpHeaderNames.UPGRADE)) {
            return false;
        }
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (!BearerTokens.hasWellFormedToken(authorization, query)) {
            return false;
        }
        for (Map.Entry<String, String> header : headers.entries()) {
            // The bearer header just read is printable ASCII: the firewall's rule holds without a second scan
            // of its 1.5 kB (the same String; any other Authorization header is checked like every header).
            if (header.getValue() != authorization
                    && !FirewallHeaderRules.allowedHeader(header.getKey(), header.getValue())) {
                return false;
            }
        }
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : leftToFullPath) {
            if (pattern.matches(container)) {
                return false;
            }
        }
        return routes.match(container) != null;
    }

    /**
     * A path Spring's strict firewall passes as it is, with nothing to decode or normalise: unreserved
     * characters, sub-delimiters but {@code ;}, {@code :} {@code @} and single slashes, no {@code .} or
     * {@code ..} segment. Anything else (a percent sign, a backslash, {@code //}) is the full path's to judge.
     */
    static boolean isPlainPath(String path) {
        int length = path.length();
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,=:@/".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
            if (c == '/' && i + 1 < length && path.charAt(i + 1) == '/') {
                return false;
            }
            if (c == '.' && path.charAt(i - 1) == '/') {
                int end = i + 1 < length && path.charAt(i + 1) == '.' ? i + 2 : i + 1;
                if (end == length || path.charAt(end) == '/') {
                    return false;
                }
            }
        }
        return true;
    }

    /** A query of printable ASCII without percent-encoding (whose decoded names the full path's firewall checks). */
    static boolean isPlainQuery(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '%' || c == '#') {
                return false;
            }
        }
        return true;
    }

    private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
        Exchange exchange = new Exchange(request, response);
        return tokens.decode(exchange.token())
                .flatMap(exchange::forward)
                .onErrorResume(exchange::answerFailure)
                .doFinally(exchange::finish);
    }

    /** One proxied call: its route, its span and what became of it. */
    private final class Exchange {
        private final HttpServerRequest request;
        private final HttpServerResponse response;
        private final String path;
        private final @Nullable String query;
        private final PathContainer container;
        private final ApiRoutes.Route route;
        private final @Nullable Span span;
        private final long started = System.nanoTime();
        private volatile boolean callerBodyFailed;

        Exchange(HttpServerRequest request, HttpServerResponse response) {
            this.request = request;
            this.response = response;
            String uri = request.uri();
            int queryStart = uri.indexOf('?');
            this.path = queryStart < 0 ? uri : uri.substring(0, queryStart);
            this.query = queryStart < 0 ? null : uri.substring(queryStart + 1);
            this.container = PathContainer.parsePath(path);
            this.route = java.util.Objects.requireNonNull(routes.match(container));
            this.span = startSpan();
        }

        /** The bearer token, which {@link #takes} found well formed. */
        String token() {
            String authorization =
                    java.util.Objects.requireNonNull(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION));
            return authorization.substring(BearerTokens.PREFIX_LENGTH);
        }

        Mono<Void> forward(Jwt jwt) {
            boolean streaming = isStreaming();
            long declared = contentLength();
            if (!streaming && declared > maxRequestBytes) {
                return Mono.error(tooLarge());
            }
            ClientLimits.Admission admission = limits.admit(jwt);
            CircuitBreaker breaker = breakers.breaker(route.service());
            if (!breaker.tryAcquirePermission()) {
                admission.release();
                return Mono.error(breakers.paused(route.service()));
            }
            Call call = new Call(breaker);
            if (!hasBody(declared)) {
                Service bound = route.loadBalanced() ? null : service(route.uri());
                if (bound != null && bound.lean != null) {
                    return leanForward(bound, call, admission);
                }
            }
            return target().flatMap(service -> service.sender(request.method())
                            .uri(service.prefix() + request.uri())
                            .send((relayed, out) -> {
                                relayed.responseTimeout(route.responseTimeout());
                                relayHeaders(relayed.requestHeaders());
                                return hasBody(declared) ? out.send(body(streaming || declared >= 0)) : Mono.empty();
                            })
                            .response((answer, body) -> relayAnswer(
                                    call, admission, answer.status(), answer.responseHeaders(), body.retain()))
                            .then())
                    .onErrorResume(failure -> {
                        if (failure instanceof ThawProblem || callerBodyFailed) {
                            call.release(); // refused here (a body over the limit) or the caller broke off
                        } else {
                            call.failed(failure);
                        }
                        if (response.hasSentHeaders() || failure instanceof ThawProblem) {
                            return Mono.error(failure);
                        }
                        return Mono.error(breakers.translate(route.service(), failure));
                    })
                    .doOnCancel(call::release)
                    .doFinally(signal -> admission.release());
        }

        /** The service's answer to the caller as it came, but for hop-by-hop headers; the breaker told its status. */
        private Mono<Void> relayAnswer(
                Call call,
                ClientLimits.Admission admission,
                HttpResponseStatus status,
                HttpHeaders answerHeaders,
                org.reactivestreams.Publisher<? extends ByteBuf> body) {
            call.answered(org.springframework.http.HttpStatusCode.valueOf(status.code()));
            response.status(status);
            HttpHeaders headers = response.responseHeaders();
            for (Map.Entry<String, String> header : answerHeaders) {
                if (!isOneOf(header.getKey(), HOP_BY_HOP)) {
                    headers.add(header.getKey(), header.getValue());
                }
            }
            headers.set(ClientLimits.REMAINING_HEADER, Long.toString(admission.remaining()));
            return response.send(body).then();
        }

        /** A call without a body through the service's {@link LeanServiceClient}, on the caller's own event loop. */
        private Mono<Void> leanForward(Service service, Call call, ClientLimits.Admission admission) {
            DefaultFullHttpRequest head = new DefaultFullHttpRequest(
                    HttpVersion.HTTP_1_1, request.method(), request.uri(), Unpooled.EMPTY_BUFFER);
            relayHeaders(head.headers());
            head.headers().set(HttpHeaderNames.HOST, java.util.Objects.requireNonNull(service.authority));
            Channel caller = ((reactor.netty.Connection) request).channel();
            return java.util.Objects.requireNonNull(service.lean)
                    .exchange(caller.eventLoop(), caller.getClass(), head, route.responseTimeout())
                    .flatMap(answer -> relayAnswer(
                            call,
                            admission,
                            answer.head().status(),
                            answer.head().headers(),
                            answer.body()))
                    .onErrorResume(failure -> {
                        call.failed(failure);
                        if (response.hasSentHeaders()) {
                            return Mono.error(failure);
                        }
                        return Mono.error(breakers.translate(route.service(), failure));
                    })
                    .doOnCancel(call::release)
                    .doFinally(signal -> admission.release());
        }

        private Mono<Service> target() {
            URI uri = route.uri();
            if (!route.loadBalanced()) {
                return Mono.just(service(uri));
            }
            ReactiveLoadBalancer.Factory<ServiceInstance> factory = balancers.getIfAvailable();
            if (factory == null) {
                return Mono.error(new IllegalStateException("no load balancer for " + uri));
            }
            return Mono.from(factory.getInstance(uri.getHost()).choose()).handle((chosen, sink) -> {
                if (chosen.hasServer()) {
                    sink.next(service(chosen.getServer().getUri()));
                } else {
                    sink.error(new IllegalStateException("no instance of " + uri.getHost() + " is up"));
                }
            });
        }

        private boolean isStreaming() {
            for (PathPattern pattern : streamingPaths) {
                if (pattern.matches(container)) {
                    return true;
                }
            }
            return false;
        }

        private long contentLength() {
            String declared = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
            if (declared == null) {
                return -1;
            }
            try {
                return Long.parseLong(declared.trim());
            } catch (NumberFormatException malformed) {
                return -1; // Netty refuses a malformed Content-Length before this runs
            }
        }

        private boolean hasBody(long declared) {
            return declared > 0
                    || (declared < 0 && request.requestHeaders().contains(HttpHeaderNames.TRANSFER_ENCODING));
        }

        /** The caller's body as it arrives, counted against the limit when its size was not declared. */
        private Flux<ByteBuf> body(boolean uncounted) {
            Flux<ByteBuf> body = request.receive().retain().doOnError(error -> callerBodyFailed = true);
            if (uncounted) {
                return body;
            }
            AtomicLong seen = new AtomicLong();
            return body.handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableBytes()) > maxRequestBytes) {
                    buffer.release();
                    sink.error(tooLarge());
                } else {
                    sink.next(buffer);
                }
            });
        }

        private void relayHeaders(HttpHeaders relayed) {
            HttpHeaders caller = request.requestHeaders();
            for (Map.Entry<String, String> header : caller) {
                String name = header.getKey();
                if (isOneOf(name, HOP_BY_HOP) || isOneOf(name, traceFields)) {
                    continue;
                }
                if (relayed.contains(name) && !caller.contains(name, relayed.get(name), true)) {
                    relayed.remove(name); // Reactor Netty's own default (user-agent, accept): the caller's wins
                }
                relayed.add(header.getKey(), header.getValue());
            }
            InetSocketAddress remote = request.remoteAddress();
            if (remote != null) {
                append(relayed, "X-Forwarded-For", remote.getAddress().getHostAddress());
            }
            append(relayed, "X-Forwarded-Proto", request.scheme());
            String host = caller.get(HttpHeaderNames.HOST);
            if (host != null) {
                append(relayed, "X-Forwarded-Host", host);
            }
            InetSocketAddress local = request.hostAddress();
            if (local != null) {
                append(relayed, "X-Forwarded-Port", Integer.toString(local.getPort()));
            }
            if (span != null && propagator != null) {
                propagator.inject(span.context(), relayed, HttpHeaders::set);
            } else {
                // No tracing here: the caller's trace headers pass as they came.
                caller.forEach(header -> {
                    if (isOneOf(header.getKey(), traceFields)) {
                        relayed.add(header.getKey(), header.getValue());
                    }
                });
            }
        }

        Mono<Void> answerFailure(Throwable failure) {
            if (response.hasSentHeaders()) {
                return Mono.error(failure); // the answer had begun: the connection is closed, the breaker knows
            }
            ProblemDetail problem;
            Consumer<HttpHeaders> headers = none -> {};
            switch (failure) {
                case ThawProblem named -> {
                    problem = Problems.of(named);
                    Duration wait = named.retryAfter();
                    if (wait != null) {
                        headers = h -> h.set("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
                    }
                    if (named.status().is5xxServerError()) {
                        log.warn(
                                "Answered {} {} with {}: {}",
                                request.method(),
                                path,
                                named.status().value(),
                                named.getMessage());
                    }
                }
                case BadJwtException rejected -> {
                    // As Spring Security's resource server answers it (ProblemAuthenticationEntryPoint).
                    problem = Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "invalid_token",
                            "The bearer token was rejected: " + rejected.getMessage());
                    problem.setTitle("Unauthorized");
                    headers = h -> h.set(
                            "WWW-Authenticate",
                            "Bearer error=\"invalid_token\", error_description=\"The bearer token was rejected\"");
                }
                case JwtException unchecked -> {
                    log.warn("Tokens cannot be checked: {}", unchecked.getMessage());
                    problem = Problems.of(new ThawProblem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "service_unavailable",
                            "The gateway cannot check tokens now: the realm's keys could not be read. Retry later.",
                            Map.of("service", "keycloak"),
                            null));
                    headers = h -> h.set("Retry-After", "5");
                }
                default -> {
                    log.error("Unexpected failure answering {} {}", request.method(), path, failure);
                    problem = Problems.of(
                            HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "An unexpected error occurred.");
                }
            }
            byte[] body =
                    problems.encode(problem, path, span != null ? span.context().traceId() : null);
            HttpHeaders out = response.responseHeaders();
            SECURITY_HEADERS.forEach(out::set);
            out.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            out.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            headers.accept(out);
            return response.status(HttpResponseStatus.valueOf(problem.getStatus()))
                    .sendByteArray(Mono.just(body))
                    .then();
        }

        private ThawProblem tooLarge() {
            return new ThawProblem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload_too_large",
                    "The request body is larger than the " + (maxRequestBytes / 1024) + " KiB the API accepts.");
        }

        private @Nullable Span startSpan() {
            if (tracer == null || propagator == null) {
                return null;
            }
            return propagator
                    .extract(request.requestHeaders(), HttpHeaders::get)
                    .kind(Span.Kind.SERVER)
                    .name("http " + request.method().name().toLowerCase(java.util.Locale.ROOT))
                    .start();
        }

        void finish(SignalType signal) {
            int status = signal == SignalType.CANCEL ? 499 : response.status().code();
            String outcome = outcome(status);
            String method = request.method().name();
            timers.computeIfAbsent(
                            route.id() + ' ' + method + ' ' + status,
                            key -> Timer.builder("thaw.gateway.requests")
                                    .description(
                                            "Calls proxied by the API data plane, from the first byte to the last of the answer")
                                    .tags(
                                            "route",
                                            route.id(),
                                            "method",
                                            method,
                                            "status",
                                            Integer.toString(status),
                                            "outcome",
                                            outcome)
                                    .register(meters))
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (span != null) {
                span.tag("method", method)
                        .tag("uri", route.id())
                        .tag("status", Integer.toString(status))
                        .tag("outcome", outcome);
                if (status >= 500) {
                    span.error(new ServiceBreakerGatewayFilterFactory.ServiceAnsweredWithError(status));
                }
                span.end();
            }
        }
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    /** Header names compare without case; no lower-cased copy of each name per call. */
    private static boolean isOneOf(String name, List<String> names) {
        for (String candidate : names) {
            if (candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static void append(HttpHeaders headers, String name, String value) {
        String existing = headers.get(name);
        headers.set(name, existing == null ? value : existing + ", " + value);
    }
}

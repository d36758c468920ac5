package app.thaw.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Thaw as the journeys use it: the public API through the gateway with real Keycloak tokens of
 * the demo users and machine clients, and the services' test clocks moved together.
 */
public final class ThawApi {

    /** The demo machine clients and their secrets (infra/keycloak/README.md). */
    public static final String DEMO_BANK = "demo-bank";

    public static final String DEMO_INSURER = "demo-insurer";

    private final ThawPlatform platform;
    private final Keycloak keycloak;
    private final WebTestClient gateway;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** Users who are not demo users (tenants onboarded by a test): their passwords. */
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    private record Token(String value, Instant until) {}

    private volatile CompletableFuture<?> timeHeldUntil = CompletableFuture.completedFuture(null);

    public ThawApi(ThawPlatform platform) {
        this.platform = platform;
        this.keycloak = new Keycloak(platform);
        this.gateway = WebTestClient.bindToServer()
                .baseUrl(platform.gatewayUrl())
                .responseTimeout(Duration.ofSeconds(30))
                // A page of 100 worked cases (timelines, checklists, clocks) passes WebClient's default 256 KiB once
                // the journeys before have filled a tenant: the test reads whole pages as a partner would.
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    /** A token of a demo user (password grant) or, for {@code demo-bank}/{@code demo-insurer}, of the machine client. */
    public String token(String who) {
        Token token = tokens.get(who);
        if (token == null || Instant.now().isAfter(token.until())) {
            String value = switch (who) {
                case DEMO_BANK, DEMO_INSURER -> keycloak.clientToken(who, who + "-secret");
                default ->
                    passwords.containsKey(who)
                            ? keycloak.passwordToken("thaw", "thaw-test", who, passwords.get(who))
                            : who.endsWith("-service") || who.equals("identity-monitor")
                                    ? keycloak.clientToken(who, who + "-dev-secret")
                                    : keycloak.userToken(who);
            };
            // Access tokens live 300 s; take a fresh one well before that.
            token = new Token(value, Instant.now().plusSeconds(120));
            tokens.put(who, token);
        }
        return token.value();
    }

    public String gatewayUrl() {
        return platform.gatewayUrl();
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    /** From now on {@link #token} signs {@code username} in with {@code password} (a user a test made). */
    public void signsInWith(String username, String password) {
        passwords.put(username, password);
        tokens.remove(username);
    }

    public WebTestClient gateway() {
        return gateway;
    }

    public WebTestClient.ResponseSpec get(String who, String path, Object... variables) {
        return gateway.get()
                .uri(path, variables)
                .headers(h -> h.setBearerAuth(token(who)))
                .exchange();
    }

    public WebTestClient.ResponseSpec post(String who, Object body, String path, Object... variables) {
        return sendJson(gateway.post(), who, body, path, variables);
    }

    public WebTestClient.ResponseSpec put(String who, Object body, String path, Object... variables) {
        return sendJson(gateway.put(), who, body, path, variables);
    }

    private WebTestClient.ResponseSpec sendJson(
            WebTestClient.RequestBodyUriSpec method, String who, Object body, String path, Object... variables) {
        return method.uri(path, variables)
                .headers(h -> h.setBearerAuth(token(who)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> ok(WebTestClient.ResponseSpec response) {
        return body(response.expectStatus().is2xxSuccessful());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(WebTestClient.ResponseSpec response) {
        return response.expectStatus()
                .is2xxSuccessful()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
    }

    /** Answers the problem document after checking the status. */
    public static Map<String, Object> problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return body(response.expectStatus().isEqualTo(status.value()));
    }

    // ---- cases -------------------------------------------------------------------------------

    public Map<String, Object> openCase(String who, Map<String, Object> intake) {
        return body(post(who, intake, "/api/v1/cases").expectStatus().isCreated());
    }

    public Map<String, Object> caseOf(String who, String caseId) {
        return ok(get(who, "/api/v1/cases/{id}", caseId));
    }

    public Map<String, Object> transition(
            String who, String caseId, String to, String reason, Map<String, Object> more) {
        return ok(transitionResponse(who, caseId, to, reason, more));
    }

    public WebTestClient.ResponseSpec transitionResponse(
            String who, String caseId, String to, String reason, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.put("to", to);
        body.put("reason", reason);
        return post(who, body, "/api/v1/cases/{id}/transitions", caseId);
    }

    /** Waits until the case (as {@code who} reads it) satisfies {@code condition}; answers it. */
    public Map<String, Object> awaitCase(
            String who, String caseId, String what, Predicate<Map<String, Object>> condition, Duration timeout) {
        return Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> caseOf(who, caseId), condition);
    }

    /**
     * Records {@code who}'s phone call with LianLian's support about the case: support promised a reply at
     * {@code promisedReplyAt}, which sets the case's FOLLOW_UP clock. Answers the case.
     */
    public Map<String, Object> phoneCallPromisingAReply(
            String who, String caseId, String ticketNumber, Instant promisedReplyAt) {
        return ok(post(
                who,
                Map.of(
                        "channel",
                        "PHONE",
                        "at",
                        now().toString(),
                        "ticketNumber",
                        ticketNumber,
                        "agent",
                        "LianLian support #9",
                        "summary",
                        "Asked for the review status",
                        "nextStep",
                        "platform replies",
                        "promisedReplyAt",
                        promisedReplyAt.toString()),
                "/api/v1/cases/{id}/contacts",
                caseId));
    }

    // ---- identity monitoring -----------------------------------------------------------------

    /** The bank {@code who} enrols a subject of {@code type} with its identifiers: 201; answers the subject. */
    public Map<String, Object> enrol(String who, String type, List<Map<String, Object>> identifiers) {
        return body(post(who, Map.of("type", type, "identifiers", identifiers), "/api/v1/monitor/subjects")
                .expectStatus()
                .isCreated());
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    /** The case's clock of {@code kind} (the first one, when there are several). */
    public static Map<String, Object> clock(Map<String, Object> theCase, String kind) {
        return items(theCase, "clocks").stream()
                .filter(c -> kind.equals(c.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " clock in " + theCase.get("clocks")));
    }

    public static boolean hasClock(Map<String, Object> theCase, String kind, String state) {
        return items(theCase, "clocks").stream()
                .anyMatch(c -> kind.equals(c.get("kind")) && state.equals(c.get("state")));
    }

    public static Map<String, Object> checklistItem(Map<String, Object> theCase, String code) {
        return items(theCase, "checklist").stream()
                .filter(c -> code.equals(c.get("code")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in the checklist " + theCase.get("checklist")));
    }

    /** Every item of a cursor-paged list ({@code items} + {@code nextCursor}) under {@code path}. */
    public List<Map<String, Object>> all(String who, String path) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            // A cursor is opaque and may hold characters a query must escape (the inbox's has '|').
            String uri = path + (path.contains("?") ? "&" : "?") + "limit=100"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Map<String, Object> page = ok(gateway.get()
                    .uri(java.net.URI.create(platform.gatewayUrl() + uri))
                    .headers(h -> h.setBearerAuth(token(who)))
                    .exchange());
            all.addAll(items(page, "items"));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return all;
    }

    // ---- evidence ----------------------------------------------------------------------------

    /** Uploads a file as the raw body (the streaming endpoint); answers the stored item. */
    public Map<String, Object> upload(
            String who, String caseId, String requirementCode, String fileName, byte[] content, String extraQuery) {
        String uri = "/api/v1/evidence/cases/" + caseId + "/items?requirementCode=" + requirementCode + "&fileName="
                + fileName + (extraQuery == null ? "" : "&" + extraQuery);
        return ok(gateway.post()
                .uri(java.net.URI.create(platform.gatewayUrl() + uri))
                .headers(h -> h.setBearerAuth(token(who)))
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(content)
                .exchange());
    }

    /**
     * Posts {@code body} as {@code who} to {@code baseUrl + path} (with the Idempotency-Key, if any) until
     * the request settles, as a well-behaved client does: an instance or gateway that is down (502, 503,
     * 504, no answer within 30 s), 429 and a key still in progress are tried again each second, for at
     * most {@code within}. The final status and body.
     */
    public Map.Entry<Integer, String> settled(
            String baseUrl, String who, String path, Object body, @Nullable String key, Duration within) {
        org.springframework.web.reactive.function.client.WebClient client =
                org.springframework.web.reactive.function.client.WebClient.create(baseUrl);
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Map.Entry<Integer, String> answer = client.post()
                    .uri(path)
                    .headers(h -> {
                        h.setBearerAuth(token(who));
                        if (key != null) {
                            h.set("Idempotency-Key", key);
                        }
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchangeToMono(response -> response.bodyToMono(String.class)
                            .defaultIfEmpty("")
                            .map(text -> Map.entry(response.statusCode().value(), text)))
                    .onErrorResume(down -> reactor.core.publisher.Mono.just(Map.entry(599, String.valueOf(down))))
                    // An answer slower than this (a loaded machine) is a cut-off like any other: retried with the key.
                    .timeout(
                            Duration.ofSeconds(30),
                            reactor.core.publisher.Mono.just(Map.entry(599, "no answer within 30 s")))
                    .block(Duration.ofSeconds(35));
            int status = answer.getKey();
            boolean again = status == 502
                    || status == 503
                    || status == 504
                    || status == 599
                    || status == 429
                    || status == 409 && answer.getValue().contains("idempotency_key_in_progress");
            if (!again || Instant.now().isAfter(deadline)) {
                return answer;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An identity signal about the holder of {@code phone}, with nothing more; for a test to add to. */
    public static Map<String, Object> phoneSignal(String id, String type, Instant at, String phone) {
        Map<String, Object> signal = new java.util.LinkedHashMap<>();
        signal.put("signalId", id);
        signal.put("type", type);
        signal.put("occurredAt", at.toString());
        signal.put("identifiers", List.of(Map.of("type", "PHONE", "value", phone)));
        return signal;
    }

    /**
     * A demo bank's identity signal about the phone's holder, from {@code device} at {@code location}; a
     * credit application also names its amount and channel.
     */
    public static Map<String, Object> demoSignal(
            String id, String type, Instant at, String phone, String device, Map<String, Double> location) {
        Map<String, Object> signal = phoneSignal(id, type, at, phone);
        signal.put("device", device);
        signal.put("location", location);
        signal.put("institution", "Demo Bank");
        if (type.equals("CREDIT_APPLICATION")) {
            signal.put("amount", 50_000);
            signal.put("channel", "APP");
        }
        return signal;
    }

    /** A small PNG-typed file; distinct seeds give distinct content (and hashes). */
    public static byte[] png(long seed) {
        byte[] body = new byte[2048];
        new Random(seed).nextBytes(body);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(magic, 0, body, 0, magic.length);
        return body;
    }

    public byte[] bytes(String who, String path, Object... variables) {
        EntityExchangeResult<byte[]> result = get(who, path, variables)
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult();
        return result.getResponseBody();
    }

    public String text(String who, String path, Object... variables) {
        return new String(bytes(who, path, variables), StandardCharsets.UTF_8);
    }

    // ---- time --------------------------------------------------------------------------------

    /** The services' (shared) current time. */
    public Instant now() {
        return nowOf(answering("case-service").getFirst());
    }

    /**
     * Moves every service's clock forward by {@code by}, to one common time (the gateway validates
     * tokens on real time, so this is safe). Timers poll every second: await their effect afterwards.
     */
    public Instant advance(Duration by) {
        timeHeldUntil.join();
        Instant target = ThawPlatform.SERVICES.values().stream()
                .map(service -> nowOf(answering(service).getFirst()))
                .max(Instant::compareTo)
                .orElseThrow()
                .plus(by);
        advanceTo(target);
        return target;
    }

    /**
     * Moves every service's clock to {@code target} (each one that is behind it). In the scaled shape an instance
     * killed and not yet back is passed over: it restarts at the common time ({@link #clockOffset()}), time waits
     * while it starts ({@link #holdTimeUntil}), and {@link #agreeOnTime()} once it is ready takes it the rest of the
     * way (both move clocks under this object's lock).
     */
    public void advanceTo(Instant target) {
        // Before the lock: the instances' catch-up (agreeOnTime) takes it once they have started.
        timeHeldUntil.join();
        synchronized (this) {
            moveEveryInstanceTo(target);
        }
    }

    private void moveEveryInstanceTo(Instant target) {
        // Every instance of each service (two in the scaled shape), so all of them agree on the time.
        ThawPlatform.SERVICES.values().stream()
                .flatMap(service -> answering(service).stream())
                .forEach(service -> {
                    Duration by = Duration.between(nowOf(service), target);
                    if (by.isNegative() || by.isZero()) {
                        return;
                    }
                    Map<String, Object> clock = ok(internal(service)
                            .post()
                            .uri("/internal/clock/advance")
                            .headers(h -> h.setBearerAuth(token("case-service")))
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("by", by.toString()))
                            .exchange());
                    assertThat(clock).containsKey("now");
                });
    }

    /**
     * Time does not move until {@code started} completes (instances starting again in the scaled shape): each
     * started at the common time, and a move while it started would leave it behind, taking leases its peers see
     * as lapsed, until it caught up.
     */
    public void holdTimeUntil(CompletableFuture<?> started) {
        timeHeldUntil = started;
    }

    /** Moves every instance that answers to the latest time any of them has: a restarted instance catches up. */
    public synchronized void agreeOnTime() {
        moveEveryInstanceTo(ThawPlatform.SERVICES.values().stream()
                .flatMap(service -> answering(service).stream())
                .map(this::nowOf)
                .max(Instant::compareTo)
                .orElseThrow());
    }

    /** How far the services' common time is ahead of real time: what an instance restarted now must start with. */
    public synchronized Duration clockOffset() {
        String service = answering("case-service").getFirst();
        return Duration.parse((String) internal(service, "/internal/clock").get("offset"));
    }

    /** The instances of a service that answer now (in the one-instance shape, the service itself). */
    private List<String> answering(String service) {
        List<String> instances = platform.instancesOf(service);
        if (!platform.scaled()) {
            return instances;
        }
        List<String> up = instances.stream().filter(platform::isReady).toList();
        if (up.isEmpty()) {
            throw new IllegalStateException("no instance of " + service + " answers");
        }
        return up;
    }

    /** A service's internal endpoint (not routed by the gateway), with a service token. */
    public Map<String, Object> internal(String service, String path, Object... variables) {
        return ok(internal(service)
                .get()
                .uri(path, variables)
                .headers(h -> h.setBearerAuth(token("case-service")))
                .exchange());
    }

    private Instant nowOf(String service) {
        Map<String, Object> clock = ok(internal(service)
                .get()
                .uri("/internal/clock")
                .headers(h -> h.setBearerAuth(token("case-service")))
                .exchange());
        return Instant.parse((String) clock.get("now"));
    }

    private WebTestClient internal(String service) {
        return WebTestClient.bindToServer()
                .baseUrl(platform.serviceUrl(service))
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }
}

// End-to-end latency of Thaw's journey 4 on a running Thaw (issue 19): a partner bank's signal through the gateway
// → identity-monitor's HIGH alert → case-service's IDENTITY_MISUSE case → notification-service's signed webhook,
// received by a real local endpoint of the bank's. Dependency-free (JDK only), run beside `./thaw up` or
// `./thaw up --scale`, whose services must allow webhooks to localhost:
//
//   THAW_WEBHOOKS_ALLOWED_PRIVATE_HOSTS=localhost ./thaw up [--scale]
//   java infra/bench/JourneyLatency.java --gateway http://localhost:8080 --keycloak http://localhost:8180 \
//     --signals 100 --warmup 10 --interval-ms 1000 --label http
//
// For each sample it enrols a subject (demo-bank, client credentials) and sends a LOGIN from Shanghai; then, paced
// (open loop: one every --interval-ms whether or not the earlier ones are done), the timed signal: a
// CREDIT_APPLICATION from a new device in Xi'an 20 minutes later (NEW_DEVICE + IMPOSSIBLE_TRAVEL: one HIGH alert,
// which opens a case, whose thaw.case.opened webhook the bank's endpoint receives). Latency is from just before the
// signal's POST to the webhook's arrival, both on this JVM's monotonic clock; each webhook's signature is checked
// (Standard Webhooks, the whsec_ secret the registration answered), and each is matched to its sample by the
// alert id it names. Printed: p50/p90/p99/max of the samples after the warm-up, the stages (signal accepted; the
// case's openedAt; the webhook body's timestamp; arrival — service clocks on the same machine), the journeys/s
// over the run and the load average before and after. The endpoint is deleted at the end.

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

public class JourneyLatency {

    record Sample(int index, String phone, String subjectId) {}

    record Sent(long nanos, Instant at, int status, long acceptedNanos) {}

    record Received(long nanos, String body, boolean signed) {}

    private final String gateway;
    private final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private long tokenAt;

    JourneyLatency(String gateway, String keycloak) {
        this.gateway = gateway.replaceAll("/+$", "");
        this.keycloak = keycloak.replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "gateway", "http://localhost:8080",
                "keycloak", "http://localhost:8180",
                "signals", "100",
                "warmup", "10",
                "interval-ms", "1000",
                "label", "run"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new JourneyLatency(options.get("gateway"), options.get("keycloak"))
                .run(
                        Integer.parseInt(options.get("signals")),
                        Integer.parseInt(options.get("warmup")),
                        Long.parseLong(options.get("interval-ms")),
                        options.get("label"));
    }

    void run(int signals, int warmup, long intervalMs, String label) throws Exception {
        String loadBefore = load();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        String[] secret = new String[1];
        receiver.createContext("/", exchange -> {
            long at = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean signed = verify(
                    secret[0],
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    body);
            received.add(new Received(at, new String(body, StandardCharsets.UTF_8), signed));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String endpoint = null;
        try {
            String registered = send(
                    "POST",
                    "/api/v1/notifications/webhooks",
                    "{\"url\":\"http://localhost:" + receiver.getAddress().getPort() + "/hooks/" + run
                            + "\",\"eventTypes\":[\"thaw.case.opened\"]}",
                    201,
                    200);
            endpoint = field(registered, "id");
            secret[0] = field(registered, "secret");

            // Setup, not timed: a subject per sample, who logged in from Shanghai with their phone.
            int total = warmup + signals;
            List<Sample> samples = new ArrayList<>();
            Instant login = Instant.now().minus(Duration.ofMinutes(30));
            int base = new java.security.SecureRandom().nextInt(10_000);
            for (int i = 0; i < total; i++) {
                String phone = "+86137" + String.format(Locale.ROOT, "%04d%04d", base, i);
                String subject = field(
                        send(
                                "POST",
                                "/api/v1/monitor/subjects",
                                "{\"type\":\"PERSON\",\"identifiers\":[{\"type\":\"PHONE\",\"value\":\"" + phone
                                        + "\"},{\"type\":\"NAME_LATIN\",\"value\":\"Bench Subject " + i + "\"}]}",
                                201),
                        "id");
                send("POST", "/api/v1/monitor/signals", signal("login-" + run + "-" + i, "LOGIN", login, phone, "phone-" + i, 31.2304, 121.4737), 202);
                samples.add(new Sample(i, phone, subject));
            }
            System.out.printf("JOURNEY_LATENCY %s setup done: %d subjects, each with a login; load %s%n", label, total, load());

            // The timed signals, paced (open loop).
            Map<Integer, Sent> sent = new ConcurrentHashMap<>();
            Instant application = login.plus(Duration.ofMinutes(20));
            long started = System.nanoTime();
            try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Sample sample : samples) {
                    long due = started + sample.index() * intervalMs * 1_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    senders.submit(() -> {
                        String body = signal(
                                "loan-" + run + "-" + sample.index(),
                                "CREDIT_APPLICATION",
                                application,
                                sample.phone(),
                                "android-unknown-" + sample.index(),
                                34.3416,
                                108.9398);
                        long at = System.nanoTime();
                        Instant wall = Instant.now();
                        int status = post("/api/v1/monitor/signals", body);
                        sent.put(sample.index(), new Sent(at, wall, status, System.nanoTime() - at));
                        return null;
                    });
                }
            }
            // Every case's webhook, or a minute after the last signal.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long lastArrival = received.stream().mapToLong(Received::nanos).max().orElse(System.nanoTime());
            String loadAfter = load();

            // Which alert each subject got, to match each webhook (it names the alert) to its sample.
            Map<String, Integer> sampleOfAlert = new LinkedHashMap<>();
            for (Sample sample : samples) {
                String alerts = send("GET", "/api/v1/monitor/alerts?subjectId=" + sample.subjectId(), null, 200);
                Matcher id = Pattern.compile("\"items\"\\s*:\\s*\\[\\s*\\{.*?\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(alerts);
                if (id.find()) {
                    sampleOfAlert.put(id.group(1), sample.index());
                }
            }
            Map<Integer, Received> arrival = new LinkedHashMap<>();
            int unmatched = 0;
            int unsigned = 0;
            int twice = 0;
            for (Received webhook : received) {
                if (!webhook.signed()) {
                    unsigned++;
                }
                Integer index = sampleOfAlert.get(fieldOrNull(webhook.body(), "sourceAlertId"));
                if (index == null) {
                    unmatched++;
                } else if (arrival.putIfAbsent(index, webhook) != null) {
                    twice++;
                }
            }
            List<Double> total_ms = new ArrayList<>();
            List<Double> accepted = new ArrayList<>();
            List<Double> toCase = new ArrayList<>();
            List<Double> toWebhook = new ArrayList<>();
            List<Double> toArrival = new ArrayList<>();
            int lost = 0;
            int refused = 0;
            for (int i = warmup; i < total; i++) {
                Sent s = sent.get(i);
                if (s == null || s.status() != 202) {
                    refused++;
                    continue;
                }
                Received r = arrival.get(i);
                if (r == null) {
                    lost++;
                    continue;
                }
                total_ms.add((r.nanos() - s.nanos()) / 1e6);
                accepted.add(s.acceptedNanos() / 1e6);
                Instant opened = instant(fieldOrNull(r.body(), "openedAt"));
                Instant stamped = instant(fieldOrNull(r.body(), "timestamp"));
                Instant arrived = s.at().plusNanos(r.nanos() - s.nanos());
                if (opened != null && stamped != null) {
                    toCase.add(Duration.between(s.at(), opened).toNanos() / 1e6);
                    toWebhook.add(Duration.between(opened, stamped).toNanos() / 1e6);
                    toArrival.add(Duration.between(stamped, arrived).toNanos() / 1e6);
                }
            }
            double seconds = (lastArrival - started) / 1e9;
            System.out.printf(
                    "JOURNEY_LATENCY %s signal -> delivered webhook: n=%d p50=%.0f ms p90=%.0f ms p99=%.0f ms max=%.0f ms"
                            + " (warm-up %d left out; interval %d ms)%n",
                    label, total_ms.size(), pct(total_ms, 50), pct(total_ms, 90), pct(total_ms, 99), pct(total_ms, 100),
                    warmup, intervalMs);
            System.out.printf(
                    "JOURNEY_LATENCY %s stages p50/p99 ms: signal accepted (202) %.0f/%.0f; sent -> case openedAt %.0f/%.0f;"
                            + " openedAt -> webhook body stamped %.0f/%.0f; stamped -> arrived %.0f/%.0f%n",
                    label, pct(accepted, 50), pct(accepted, 99), pct(toCase, 50), pct(toCase, 99), pct(toWebhook, 50),
                    pct(toWebhook, 99), pct(toArrival, 50), pct(toArrival, 99));
            System.out.printf(
                    "JOURNEY_LATENCY %s %d journeys in %.1f s = %.2f journeys/s; lost %d, refused %d, webhooks unmatched %d,"
                            + " twice %d, badly signed %d; load average before %s, after %s%n",
                    label, arrival.size(), seconds, arrival.size() / seconds, lost, refused, unmatched, twice, unsigned,
                    loadBefore, loadAfter);
        } finally {
            if (endpoint != null) {
                try {
                    send("DELETE", "/api/v1/notifications/webhooks/" + endpoint, null, 204, 200);
                } catch (RuntimeException e) {
                    System.out.println("could not delete the bench's webhook endpoint " + endpoint + ": " + e.getMessage());
                }
            }
            receiver.stop(0);
        }
    }

    static String signal(String id, String type, Instant at, String phone, String device, double lat, double lon) {
        String credit = type.equals("CREDIT_APPLICATION") ? ",\"amount\":50000,\"channel\":\"APP\"" : "";
        return "{\"signalId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at
                + "\",\"identifiers\":[{\"type\":\"PHONE\",\"value\":\"" + phone + "\"}],\"device\":\"" + device
                + "\",\"location\":{\"lat\":" + lat + ",\"lon\":" + lon + "},\"institution\":\"Demo Bank\"" + credit + "}";
    }

    /** Standard Webhooks: v1 = base64(HMAC-SHA256(secret, id.timestamp.body)), any of the space-separated signatures. */
    static boolean verify(String secret, String id, String timestamp, String signatures, byte[] body) {
        if (secret == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return Arrays.stream(signatures.split(" "))
                    .filter(s -> s.startsWith("v1,"))
                    .anyMatch(s -> MessageDigest.isEqual(expected, Base64.getDecoder().decode(s.substring(3))));
        } catch (Exception e) {
            return false;
        }
    }

    static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String load() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (Exception e) {
            return "?";
        }
    }

    // ---- HTTP with demo-bank's token -------------------------------------------------------------

    private synchronized String token() throws Exception {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofSeconds(60).toNanos()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(keycloak + "/realms/thaw/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=client_credentials&client_id=demo-bank&client_secret=demo-bank-secret"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            token = field(response.body(), "access_token");
            tokenAt = System.nanoTime();
        }
        return token;
    }

    /** The timed POST: its status only, no retry (a refused signal is counted, not hidden). */
    private int post(String path, String body) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (Exception e) {
            return 599;
        }
    }

    private static final AtomicInteger RETRIES = new AtomicInteger();

    /** A setup request: retried on 429/502/503 (Retry-After), expected to end in one of the statuses. */
    private String send(String method, String path, String body, int... expected) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token());
            if (body != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response.body();
                }
            }
            if ((response.statusCode() == 429 || response.statusCode() == 502 || response.statusCode() == 503) && attempt < 30) {
                RETRIES.incrementAndGet();
                Thread.sleep(1_000L * Math.max(1, Math.min(5, Integer.parseInt(response.headers().firstValue("Retry-After").orElse("1")))));
                continue;
            }
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static String field(String json, String name) {
        String value = fieldOrNull(json, name);
        if (value == null) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return value;
    }

    static String fieldOrNull(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}

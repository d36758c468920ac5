package app.thaw.monitor.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import app.thaw.monitor.MonitorWebTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load run, not a test: the real app over HTTP on the embedded store, this machine.
 * {@code ./mvnw -o -B -pl identity-monitor test -Dtest=IngestionBenchmark -Dbench=true}
 * (1) one POST per signal, sequential, vs NDJSON batches of 1,000, same signal mix (logins,
 * OTPs, card issues over 200 subjects); (2) signal → stored alert: single POSTs that each raise or
 * grow an alert (the response returns after the alert is stored), latency per request.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class IngestionBenchmark extends MonitorWebTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] TYPES = {"LOGIN", "OTP_REQUESTED", "CARD_ISSUED", "LOGIN"};

    @Test
    void batchIngestionAgainstSinglePostsAndSignalToAlertLatency() {
        String tenant = "bench-" + newTenant();
        int subjects = 200;
        for (int s = 0; s < subjects; s++) {
            enrol(tenant, Map.of("PHONE", phone(s)));
        }
        Instant base = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        // Warm-up: both paths.
        single(tenant, "warm", 0, 200, base);
        batch(tenant, "warmb", 0, 2000, base, 1000);

        int singles = 1000;
        long t0 = System.nanoTime();
        single(tenant, "single", 0, singles, base.plus(Duration.ofHours(1)));
        double singleRate = singles / ((System.nanoTime() - t0) / 1e9);

        int batched = 10_000;
        long t1 = System.nanoTime();
        batch(tenant, "batch", 0, batched, base.plus(Duration.ofHours(2)), 1000);
        double batchRate = batched / ((System.nanoTime() - t1) / 1e9);

        System.out.printf(
                Locale.ROOT,
                "INGESTION_BENCH single POSTs: %d signals at %.0f signals/s; NDJSON batches of 1000: %d signals"
                        + " at %.0f signals/s; ratio %.1fx%n",
                singles,
                singleRate,
                batched,
                batchRate,
                batchRate / singleRate);

        // Signal → stored alert: every signal comes from a device its subject never used, so each one
        // raises (first time) or grows (later) the subject's alert before the response is sent.
        String alertTenant = "bench-alerts-" + newTenant();
        int alertSubjects = 50;
        for (int s = 0; s < alertSubjects; s++) {
            enrol(alertTenant, Map.of("PHONE", phone(s)));
            post(alertTenant, signalFor("seed-" + s, "LOGIN", s, base, "home-" + s));
        }
        int samples = 500;
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            Map<String, Object> signal = signalFor(
                    "alert-" + i, "LOGIN", i % alertSubjects, base.plus(Duration.ofMinutes(10 + i)), "new-device-" + i);
            long t = System.nanoTime();
            post(alertTenant, signal).expectStatus().isAccepted();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        long stored = mongo.count(
                        new org.springframework.data.mongodb.core.query.Query(
                                org.springframework.data.mongodb.core.query.Criteria.where("tenantId")
                                        .is(alertTenant)),
                        "alerts")
                .block();
        System.out.printf(
                Locale.ROOT,
                "ALERT_LATENCY_BENCH %d signals each raising or growing a stored alert (%d alerts): p50=%.1f ms "
                        + "p90=%.1f ms p99=%.1f ms max=%.1f ms%n",
                samples,
                stored,
                nanos[samples / 2] / 1e6,
                nanos[(int) (samples * 0.9)] / 1e6,
                nanos[(int) (samples * 0.99)] / 1e6,
                nanos[samples - 1] / 1e6);
    }

    static String phone(int subject) {
        return "+86139" + String.format("%08d", subject);
    }

    static Map<String, Object> signalFor(String id, String type, int subject, Instant at, String device) {
        return signal(id, type, at, phone(subject), Map.of("device", device, "institution", "bank-" + (subject % 3)));
    }

    void single(String tenant, String prefix, int from, int count, Instant start) {
        for (int i = from; i < from + count; i++) {
            post(tenant, signalFor(prefix + i, TYPES[i % TYPES.length], i % 200, start.plusSeconds(i), "d" + (i % 200)))
                    .expectStatus()
                    .isAccepted();
        }
    }

    void batch(String tenant, String prefix, int from, int count, Instant start, int size) {
        for (int b = from; b < from + count; b += size) {
            int first = b;
            String body = IntStream.range(first, first + size)
                    .mapToObj(i -> JSON.writeValueAsString(signalFor(
                            prefix + i, TYPES[i % TYPES.length], i % 200, start.plusSeconds(i), "d" + (i % 200))))
                    .collect(Collectors.joining("\n"));
            web.post()
                    .uri("/api/v1/monitor/signals/batch")
                    .headers(h -> h.setBearerAuth(bank(tenant)))
                    .contentType(MediaType.parseMediaType("application/x-ndjson"))
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.accepted")
                    .isEqualTo(size);
        }
    }
}

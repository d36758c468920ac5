package app.thaw.cases.bench;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import app.thaw.cases.api.CaseApiTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.yaml.snakeyaml.Yaml;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Load run of intake + triage through the service over HTTP on the embedded store (the default
 * deployment): {@code POST /api/v1/cases} with the labelled notices, {@code bench.concurrency} at
 * once. Skipped unless {@code -Dbench=true}; never a timed test. Prints {@code INTAKE_BENCH}.
 * Command (docs/benchmarks/case-service.md): {@code ./mvnw -o -B -pl case-service test -Dtest=IntakeBenchmark -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class IntakeBenchmark extends CaseApiTests {

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void intakeAndTriageThroughput() throws Exception {
        int requests = Integer.getInteger("bench.requests", 2000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        List<String> notices;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("thaw/cases/triage-notices.yaml")) {
            notices = ((List<Map<String, String>>) new Yaml().load(in))
                    .stream().map(n -> n.get("text")).toList();
        }
        WebClient client = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBearerAuth(token("bench", "merchant_admin")))
                .build();

        run(client, notices, 200, concurrency); // warm-up: JIT, connection pool, store pages
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        run(client, notices, requests, concurrency, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "INTAKE_BENCH %d intakes, concurrency %d: %.1f s, %.0f intakes/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sorted.size(),
                concurrency,
                seconds,
                sorted.size() / seconds,
                pct(sorted, 0.50),
                pct(sorted, 0.99),
                sorted.getLast() / 1e6);
    }

    private static void run(WebClient client, List<String> notices, int count, int concurrency) {
        run(client, notices, count, concurrency, Collections.synchronizedList(new ArrayList<>()));
    }

    private static void run(WebClient client, List<String> notices, int count, int concurrency, List<Long> latencies) {
        Flux.range(0, count)
                .flatMap(
                        i -> Mono.defer(() -> {
                            long sent = System.nanoTime();
                            return client.post()
                                    .uri("/api/v1/cases")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(intake(notices.get(i % notices.size())))
                                    .retrieve()
                                    .toBodilessEntity()
                                    .doOnNext(response -> {
                                        if (!response.getStatusCode().is2xxSuccessful()) {
                                            throw new IllegalStateException(
                                                    "intake answered " + response.getStatusCode());
                                        }
                                        latencies.add(System.nanoTime() - sent);
                                    });
                        }),
                        concurrency)
                .then()
                .block(Duration.ofMinutes(10));
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}

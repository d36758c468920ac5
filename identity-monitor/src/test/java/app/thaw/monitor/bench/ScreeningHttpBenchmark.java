package app.thaw.monitor.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import app.thaw.monitor.MonitorWebTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Load run, not a test: {@code POST /screening/check} through the real service over HTTP (token
 * check, tenant settings, the index over the shipped OFAC SDN list, metering, JSON), one client
 * thread with a kept-alive connection (JDK HttpClient), this machine.
 * {@code ./mvnw -o -B -pl identity-monitor -am test -Dtest=ScreeningHttpBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * 2,000 warm-up requests, then 5,000 timed one by one; names: list names (hits) and invented
 * names (misses), half and half.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
// The tests' DEBUG logging of the monitor's own code is off here: a deployment logs at INFO.
@org.springframework.test.context.TestPropertySource(properties = "logging.level.app.thaw.monitor=INFO")
class ScreeningHttpBenchmark extends MonitorWebTestBase {

    @DynamicPropertySource
    static void shippedList(DynamicPropertyRegistry registry) {
        registry.add("thaw.monitor.screening.sources[0].name", () -> "OFAC SDN (shipped)");
        registry.add("thaw.monitor.screening.sources[0].location", () -> "classpath:ofac/2021/sdn.csv.gz");
        registry.add("thaw.monitor.screening.sources[0].alias-location", () -> "classpath:ofac/2021/alt.csv.gz");
    }

    @LocalServerPort
    int port;

    @Test
    void screeningOverHttp() throws Exception {
        String tenant = "bench-" + newTenant();
        String token = bank(tenant);
        List<String> names = new ArrayList<>();
        String[] listed = {
            "BANCO NACIONAL DE CUBA",
            "Usama bin Ladin",
            "ZHANG Lei",
            "Qadhafi Muammar",
            "AEROCARIBBEAN AIRLINES",
            "Li Fangwei",
            "Mazen Ali Hussein",
            "Euzkadi ta Askatasuna"
        };
        String[] invented = {
            "John Smith",
            "Maria Garcia Lopez",
            "Anna Schmidt",
            "Wang Fang",
            "李娜",
            "Olga Ivanova",
            "Golden Harvest Foods",
            "Jean Pierre Martin"
        };
        for (int i = 0; i < 8; i++) {
            names.add(listed[i]);
            names.add(invented[i]);
        }
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://localhost:" + port + "/api/v1/monitor/screening/check");
        for (int i = 0; i < 2_000; i++) {
            call(client, uri, token, names.get(i % names.size()));
        }
        int samples = 5_000;
        long[] nanos = new long[samples];
        long start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            call(client, uri, token, names.get(i % names.size()));
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "SCREENING_HTTP_BENCH %d checks over HTTP, shipped OFAC SDN list: p50=%.2f ms p90=%.2f ms "
                        + "p99=%.2f ms max=%.1f ms (%.0f checks/s, one client thread)%n",
                samples,
                nanos[samples / 2] / 1e6,
                nanos[(int) (samples * 0.9)] / 1e6,
                nanos[(int) (samples * 0.99)] / 1e6,
                nanos[samples - 1] / 1e6,
                samples / seconds);
    }

    private static void call(HttpClient client, URI uri, String token, String name) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }
}

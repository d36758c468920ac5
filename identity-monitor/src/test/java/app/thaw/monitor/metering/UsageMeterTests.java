package app.thaw.monitor.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import app.thaw.monitor.MonitorWebTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsageMeterTests extends MonitorWebTestBase {

    @Autowired
    UsageMeter meter;

    private Document stored(String tenant) {
        return mongo.findById(tenant + "|" + YearMonth.now(ZoneOffset.UTC), Document.class, "usage")
                .block();
    }

    @Test
    void screeningsAreCountedInMemoryAndWrittenOncePerFlush() {
        String tenant = newTenant();
        for (int i = 0; i < 5; i++) {
            postJson(bank(tenant), "/api/v1/monitor/screening/check", Map.of("name", "Anyone " + i))
                    .expectStatus()
                    .isOk();
        }
        // No store write per check…
        assertThat(stored(tenant)).isNull();
        // …yet the tenant's usage is current.
        getAs(bank(tenant), "/api/v1/monitor/usage")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.screenings")
                .isEqualTo(5);
        meter.flush().block();
        assertThat(stored(tenant).get("screenings", Number.class).longValue()).isEqualTo(5);
        // Flushed counts are not counted twice, and a second flush with nothing new writes nothing more.
        meter.flush().block();
        assertThat(stored(tenant).get("screenings", Number.class).longValue()).isEqualTo(5);
        getAs(bank(tenant), "/api/v1/monitor/usage")
                .expectBody()
                .jsonPath("$.screenings")
                .isEqualTo(5);
    }

    @Test
    void concurrentCountsAreNeitherLostNorDoubledAcrossFlushes() throws InterruptedException {
        String tenant = newTenant();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    meter.add(tenant, UsageMeter.Counter.SIGNALS, 1).block();
                    if (i % 2_500 == 0) {
                        meter.flush().block();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        meter.flush().block();
        assertThat(stored(tenant).get("signals", Number.class).longValue()).isEqualTo(40_000);
    }

    @Test
    void aGracefulStopWritesWhatIsHeld() {
        String tenant = newTenant();
        meter.add(tenant, UsageMeter.Counter.SUBJECTS_ENROLLED, 3).block();
        assertThat(stored(tenant)).isNull();
        meter.stop();
        try {
            assertThat(stored(tenant).get("subjectsEnrolled", Number.class).longValue())
                    .isEqualTo(3);
        } finally {
            meter.start();
        }
    }
}

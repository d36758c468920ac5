package app.thaw.cases.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.thaw.cases.api.CaseApiTests;
import app.thaw.cases.casework.internal.CaseOutcomes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Outcome analytics over {@code bench.cases} (default 100,000) cases of one tenant on the embedded
 * store: the documents are written straight into the store, holding the fields the aggregation reads
 * (status, outcome, platform, scenario, opening and detection times, amount, clocks, checklist with
 * its evidence verdicts, the RESOLVED timeline entry) — slimmer than real cases, whose timelines,
 * tasks and contacts the store would also have to read past — each with its outcome
 * ({@link CaseOutcomes#of}, as {@code CaseStore} writes it beside every case). Then
 * {@code GET /api/v1/cases/analytics} is timed (it aggregates the outcomes, ADR 71). Skipped unless {@code -Dbench=true}. Prints {@code ANALYTICS_BENCH}.
 * Command (docs/benchmarks/case-service.md): {@code ./mvnw -o -B -pl case-service -am test -Dtest=AnalyticsBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class AnalyticsBenchmark extends CaseApiTests {

    private static final String[] PLATFORMS = {"连连支付", "支付宝", "微信支付", "Stripe", "PayPal", "Amazon"};
    private static final String[] SCENARIOS = {
        "RISK_TXN", "ACCOUNT_TAKEOVER", "JUDICIAL_FREEZE", "AML_REVIEW", "DORMANCY", "ACCOUNT_ANOMALY"
    };
    private static final String[] CODES = {"TRANSACTION_PROOF", "BUSINESS_LICENSE", "BANK_STATEMENT", "ID_DOCUMENT"};

    /** The cases and, as {@code CaseStore} writes them with each case, their outcomes (and their days marked changed). */
    private void store(List<Document> cases) {
        mongo.insert(cases, "cases")
                .then(new CaseOutcomes(mongo).recordNew(cases))
                .block(Duration.ofMinutes(5));
    }

    private double timed(String token, Map<?, ?>[] last) {
        long start = System.nanoTime();
        last[0] = okGet("/api/v1/cases/analytics", token, Map.class);
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@code path} read as {@code token} (a loaded machine may take minutes): 200, its body as {@code type}. */
    private <T> T okGet(String path, String token, Class<T> type) {
        return web.mutate()
                .responseTimeout(Duration.ofMinutes(10))
                .build()
                .get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(type)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void analyticsOverAHundredThousandCases() {
        int cases = Integer.getInteger("bench.cases", 100_000);
        String tenant = "bench-outcomes";
        Random random = new Random(23);
        Instant now = clock.instant();
        long seedStart = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        long released = 0;
        for (int i = 0; i < cases; i++) {
            Instant opened = now.minus(Duration.ofMinutes(random.nextInt(300 * 24 * 60)));
            Instant detected = opened.minus(Duration.ofMinutes(random.nextInt(120)));
            boolean isReleased = random.nextInt(10) < 6;
            released += isReleased ? 1 : 0;
            Instant resolvedAt = opened.plus(Duration.ofHours(1 + random.nextInt(24 * 20)));
            List<Document> checklist = new ArrayList<>();
            for (String code : CODES) {
                String status = random.nextInt(10) == 0 ? "REJECTED" : isReleased ? "ACCEPTED" : "MISSING";
                checklist.add(new Document("code", code)
                        .append("status", status)
                        .append(
                                "evidence",
                                status.equals("MISSING") ? new Document() : new Document("ev-" + i + code, status)));
            }
            batch.add(new Document("_id", "bench-" + i)
                    .append("tenantId", tenant)
                    .append("reference", tenant + "-C-2025-" + i)
                    .append("version", 1L)
                    .append("drill", false)
                    .append("restricted", false)
                    .append("status", isReleased ? "RESOLVED" : "GATHERING_EVIDENCE")
                    .append("outcome", isReleased ? "RESTORED" : null)
                    .append("platform", PLATFORMS[random.nextInt(PLATFORMS.length)])
                    .append("scenario", SCENARIOS[random.nextInt(SCENARIOS.length)])
                    .append("openedAt", Date.from(opened))
                    .append("detectedAt", Date.from(detected))
                    .append(
                            "frozenAmount",
                            new Document("amount", (1000 + random.nextInt(100_000)) + ".00")
                                    .append("currency", random.nextInt(4) == 0 ? "USD" : "CNY"))
                    .append(
                            "clocks",
                            List.of(
                                    new Document("kind", "GOLDEN_15")
                                            .append("state", random.nextInt(5) == 0 ? "BREACHED" : "MET"),
                                    new Document("kind", "RESOLUTION")
                                            .append("state", random.nextInt(8) == 0 ? "BREACHED" : "MET")))
                    .append("checklist", checklist)
                    .append(
                            "timeline",
                            isReleased
                                    ? List.of(new Document("at", Date.from(resolvedAt))
                                            .append("type", "status_changed")
                                            .append(
                                                    "details",
                                                    new Document("from", "UNDER_REVIEW").append("to", "RESOLVED")))
                                    : List.of()));
            if (batch.size() == 1000) {
                store(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            store(batch);
        }
        double seeded = (System.nanoTime() - seedStart) / 1e9;

        String token = token(tenant, "merchant_admin");
        Map<?, ?>[] last = new Map<?, ?>[1];
        // First read: every day changed since the load, so every day is built from its outcomes; then as kept.
        List<Double> times = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            times.add(timed(token, last));
            // What the machine's load alone costs a request: the playbooks list, same token.
            long start = System.nanoTime();
            okGet("/api/v1/cases/playbooks", token, byte[].class);
            baseline.add((System.nanoTime() - start) / 1e9);
        }
        Map<?, ?> total = (Map<?, ?>) last[0].get("total");
        assertThat(((Number) total.get("cases")).longValue()).isEqualTo(cases);
        assertThat(((Number) total.get("released")).longValue()).isEqualTo(released);
        // One case changes (released now): its day alone is built again.
        Document changed = mongo.findById("bench-0", Document.class, "cases").block();
        boolean wasReleased = "RESOLVED".equals(changed.get("status"));
        changed.put("status", "RESOLVED");
        changed.put("outcome", "RESTORED");
        changed.put(
                "timeline",
                List.of(new Document("at", Date.from(now))
                        .append("type", "status_changed")
                        .append("details", new Document("to", "RESOLVED"))));
        new CaseOutcomes(mongo).record(changed, 2L).block(Duration.ofMinutes(1));
        double afterChange = timed(token, last);
        assertThat(((Number) ((Map<?, ?>) last[0].get("total")).get("released")).longValue())
                .isEqualTo(released + (wasReleased ? 0 : 1));
        System.out.printf(
                "ANALYTICS_BENCH %d cases (seeded in %.1f s): analytics answered in %.2f s (every day built), %.2f s, %.2f s (kept), "
                        + "%.2f s (one day changed); the playbooks list meanwhile %.2f s, %.2f s, %.2f s; median days frozen %s, p90 %s%n",
                cases,
                seeded,
                times.get(0),
                times.get(1),
                times.get(2),
                afterChange,
                baseline.get(0),
                baseline.get(1),
                baseline.get(2),
                ((Map<?, ?>) last[0].get("daysFrozen")).get("median"),
                ((Map<?, ?>) last[0].get("daysFrozen")).get("p90"));
    }
}

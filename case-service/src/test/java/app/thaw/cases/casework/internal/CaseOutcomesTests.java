package app.thaw.cases.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.thaw.cases.api.CaseApiTests;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The figures analytics read are kept per tenant and day (ADR 71): a day is built from its cases'
 * outcomes when one changed, kept otherwise; an outcome older than the stored one changes nothing.
 */
class CaseOutcomesTests extends CaseApiTests {

    @Test
    void aDaysFiguresFollowEachChangeOfItsCasesAndIgnoreAnOlderWrite() {
        String tenant = "outcomes-" + UUID.randomUUID();
        String admin = token(tenant, "merchant_admin");
        String first = open(tenant, RISK_NOTICE);
        Document asOpened =
                mongo.findById(first, Document.class, MongoCaseStore.CASES).block();
        analytics(admin)
                .jsonPath("$.total.cases")
                .isEqualTo(1)
                .jsonPath("$.byPlatform['连连支付'].cases")
                .isEqualTo(1);

        // Kept figures are read as kept: a second read answers the same.
        analytics(admin).jsonPath("$.total.cases").isEqualTo(1);
        assertThat(mongo.findById(
                                CaseOutcomes.dayId(tenant, CaseOutcomes.DAY.format(clock.instant())),
                                Document.class,
                                CaseOutcomes.DAYS)
                        .block())
                .satisfies(day -> assertThat(day.get("built")).isEqualTo(day.get("mark")));

        // A new case on the same day, and a change of the first: both counted at the next read.
        transition(first, admin, "GATHERING_EVIDENCE", Map.of()).expectStatus().isOk();
        open(tenant, RISK_NOTICE);
        analytics(admin).jsonPath("$.total.cases").isEqualTo(2);

        // The outcome of an older version of the first case (written late) changes nothing.
        CaseOutcomes outcomes = new CaseOutcomes(mongo);
        outcomes.record(new Document(asOpened).append("platform", "Stale"), 0L).block(Duration.ofSeconds(30));
        analytics(admin)
                .jsonPath("$.total.cases")
                .isEqualTo(2)
                .jsonPath("$.byPlatform.Stale")
                .doesNotExist();
        // A newer one does.
        outcomes.record(new Document(asOpened).append("platform", "Newer"), 99L).block(Duration.ofSeconds(30));
        analytics(admin)
                .jsonPath("$.total.cases")
                .isEqualTo(2)
                .jsonPath("$.byPlatform.Newer.cases")
                .isEqualTo(1)
                .jsonPath("$.byPlatform['连连支付'].cases")
                .isEqualTo(1);
    }

    @Test
    void aDaysOutcomesBecomeRowsPerSliceWithRestrictedOnesApartAndDrillsLeftOut() {
        Document released = new Document("_id", "a")
                .append("tenantId", "t")
                .append("drill", false)
                .append("restricted", false)
                .append("platform", "P")
                .append("scenario", "RISK_TXN")
                .append("month", "2026-12")
                .append("currency", "CNY")
                .append("amount", 100.0)
                .append("decided", 1)
                .append("released", 1)
                .append("goldenKept", 1)
                .append("goldenBreached", 0)
                .append("breached", 0)
                .append("releaseDays", 2.5)
                .append("rejected", java.util.List.of("ID_DOCUMENT"));
        Document restricted = new Document(released).append("_id", "b").append("restricted", true);
        Document drill = new Document(released).append("_id", "c").append("drill", true);
        Document open = new Document(released)
                .append("_id", "d")
                .append("decided", 0)
                .append("released", 0)
                .append("releaseDays", null)
                .append("rejected", java.util.List.of());

        Document rollup = CaseOutcomes.rollup(java.util.List.of(released, restricted, drill, open));

        assertThat(rollup.getList("groups", Document.class)).hasSize(2).anySatisfy(row -> {
            assertThat(row.get("r")).isEqualTo(false);
            assertThat(row.get("cases")).isEqualTo(2L);
            assertThat(row.get("released")).isEqualTo(1L);
            assertThat(row.get("frozen")).isEqualTo(200.0);
            assertThat(row.get("releasedAmount")).isEqualTo(100.0);
        });
        assertThat(rollup.getList("days", Document.class))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.get("n")).isEqualTo(1L));
        assertThat(rollup.getList("rejected", Document.class))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.get("lines")).isEqualTo(1L));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec analytics(String bearer) {
        return getAs(bearer, "/api/v1/cases/analytics").expectStatus().isOk().expectBody();
    }
}

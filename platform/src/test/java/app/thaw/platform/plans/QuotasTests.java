package app.thaw.platform.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import app.thaw.platform.testing.MutableClock;
import app.thaw.store.EmbeddedStore;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The monthly meter and its quota rule (ADR 62), on the embedded store with a clock the test moves. */
class QuotasTests {

    static final PlanLimits LIMITS = PlanLimits.parse(Map.of(
            "plans",
            Map.of(
                    "SMALL", Map.of("quotas", Map.of("cases", 2, "evidenceStorageMb", 1, "sms", "unlimited")),
                    "BIG", Map.of("quotas", Map.of("cases", 100)))));

    @TempDir
    Path folder;

    EmbeddedStore store;
    MongoClient client;
    MutableClock clock = MutableClock.frozenAt(Instant.parse("2026-12-31T23:59:00Z"));
    TenantPlans plans;
    Quotas quotas;

    @BeforeEach
    void start() {
        store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString(""));
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "plans");
        plans = new TenantPlans(mongo, new PlansProperties("SMALL", Map.of("bank", "BIG")), LIMITS);
        quotas = new Quotas(mongo, plans, LIMITS, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void theQuotaRefusesPastItsLimitNamingQuotaLimitUseAndResetAndTheNextMonthResetsIt() {
        quotas.consume("acme", "cases", 1).block();
        quotas.consume("acme", "cases", 1).block();

        assertThatThrownBy(() -> quotas.consume("acme", "cases", 1).block())
                .isInstanceOfSatisfying(QuotaExceeded.class, refused -> {
                    assertThat(refused.status().value()).isEqualTo(429);
                    assertThat(refused.code()).isEqualTo("quota_exceeded");
                    assertThat(refused.properties())
                            .containsEntry("quota", "cases")
                            .containsEntry("limit", 2L)
                            .containsEntry("used", 2L)
                            .containsEntry("plan", "SMALL")
                            .containsEntry("resetsAt", "2027-01-01T00:00:00Z");
                    assertThat(refused.retryAfter()).hasSeconds(60);
                });
        assertThat(quotas.usage("acme", YearMonth.of(2026, 12)).block()).containsEntry("cases", 2L);

        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        quotas.consume("acme", "cases", 2).block();
        assertThat(quotas.usage("acme", YearMonth.of(2027, 1)).block()).containsEntry("cases", 2L);
        assertThat(quotas.usage("acme", YearMonth.of(2026, 12)).block()).containsEntry("cases", 2L);
    }

    @Test
    void manyAtOnceNeverPassTheLastUnit() {
        List<Boolean> outcomes = Flux.range(0, 20)
                .flatMap(
                        i -> quotas.consume("race", "cases", 1)
                                .thenReturn(true)
                                .onErrorResume(QuotaExceeded.class, refused -> Mono.just(false)),
                        20)
                .collectList()
                .block();

        assertThat(outcomes).filteredOn(Boolean::booleanValue).hasSize(2);
        assertThat(quotas.usage("race", YearMonth.of(2026, 12)).block()).containsEntry("cases", 2L);
    }

    @Test
    void anItemThePlanDoesNotListIsNotIncludedAndUnlimitedHasNoLimit() {
        assertThatThrownBy(() -> quotas.consume("acme", "webhookEndpoints", 1).block())
                .isInstanceOf(QuotaExceeded.class);
        quotas.consume("acme", "sms", 1_000_000).block();
        assertThat(quotas.usage("acme", YearMonth.of(2026, 12)).block())
                .containsEntry("sms", 1_000_000L)
                .doesNotContainKey("webhookEndpoints");
    }

    @Test
    void storageIsMeteredInBytesAgainstALimitInMibAndAReleaseGivesBytesBack() {
        quotas.consume("acme", "evidenceStorageMb", 700_000).block();
        assertThatThrownBy(() ->
                        quotas.consume("acme", "evidenceStorageMb", 400_000).block())
                .isInstanceOfSatisfying(
                        QuotaExceeded.class,
                        refused -> assertThat(refused.properties())
                                .containsEntry("limit", 1L)
                                .containsEntry("used", 1L));
        quotas.release("acme", "evidenceStorageMb", 300_000).block();
        quotas.consume("acme", "evidenceStorageMb", 648_576).block();
        assertThat(quotas.usage("acme", YearMonth.of(2026, 12)).block()).containsEntry("evidenceStorageMb", 1L);
        assertThatThrownBy(() -> quotas.consume("acme", "evidenceStorageMb", 1).block())
                .isInstanceOf(QuotaExceeded.class);
    }

    @Test
    void aTenantsPlanIsTheNewestReplicatedChangeElseTheConfiguredOne() {
        assertThat(plans.planOf("acme").block()).isEqualTo("SMALL");
        assertThat(plans.planOf("bank").block()).isEqualTo("BIG");

        assertThat(plans.apply("acme", "BIG", 2).block()).isTrue();
        assertThat(plans.apply("acme", "SMALL", 1).block()).isFalse();
        assertThat(plans.planOf("acme").block()).isEqualTo("BIG");
        quotas.consume("acme", "cases", 50).block();
    }

    @Test
    void theShippedCatalogueHasTheFourPlansAndDefaultsNameOnlyThem() {
        PlanLimits shipped = PlanLimits.load();
        assertThat(shipped.codes()).containsExactly("INSURER", "MONITOR", "PARTNER_BANK", "THAW_ASSIST");
        assertThat(shipped.limit("INSURER", "cases")).contains(0L);
        assertThat(shipped.limit("THAW_ASSIST", "cases")).contains(200L);
        assertThatThrownBy(() -> new TenantPlans(null, new PlansProperties("GOLD", Map.of()), shipped))
                .hasMessageContaining("GOLD");
    }
}

package app.thaw.monitor.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shipped catalogue (thaw/plans.yaml, in the platform) is the four plans sold, and a broken one fails the start. */
class PlanCatalogueTests {

    @Test
    void theCatalogueSellsMonitorThawAssistPartnerBankAndInsurer() {
        PlanCatalogue catalogue = PlanCatalogue.load();

        assertThat(catalogue.codes()).containsExactly("INSURER", "MONITOR", "PARTNER_BANK", "THAW_ASSIST");
        assertThat(catalogue.plan("PARTNER_BANK").orElseThrow().features()).contains("cases-for-linked-merchants");
        assertThat(catalogue.plan("INSURER").orElseThrow().limit(MeteredItem.CASES))
                .as("insurers open no cases")
                .contains(0L);
        assertThat(catalogue.plan("THAW_ASSIST").orElseThrow().limit(MeteredItem.MONITORED_SUBJECTS))
                .as("the default plan keeps the default of 10,000 subjects")
                .contains(10_000L);
    }

    @Test
    void anUnknownItemOrANegativeQuotaIsRefused() {
        assertThatThrownBy(() ->
                        PlanCatalogue.parse(Map.of("plans", Map.of("X", Map.of("quotas", Map.of("coffee", 3))))))
                .hasMessageContaining("coffee");
        assertThatThrownBy(() ->
                        PlanCatalogue.parse(Map.of("plans", Map.of("X", Map.of("quotas", Map.of("signals", -1))))))
                .hasMessageContaining("signals");
    }
}

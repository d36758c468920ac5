package app.thaw.cases.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import app.thaw.cases.api.CaseApiTests;
import app.thaw.cases.casework.CaseFilter;
import app.thaw.cases.incident.IncidentCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tenant is in the query: a case read by id with another tenant is simply not there. */
class MongoCaseStoreTenantTests extends CaseApiTests {

    @Autowired
    MongoCaseStore store;

    @Test
    void aCaseReadByIdWithAnotherTenantFindsNothing() {
        String id = open("store-a", RISK_NOTICE);

        assertThat(store.find("store-b", id).blockOptional(Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(store.find(id, List.of("store-b", "store-c")).blockOptional(Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(store.find(id, List.of()).blockOptional(Duration.ofSeconds(10)))
                .isEmpty();

        assertThat(store.find("store-a", id).map(IncidentCase::tenantId).block(Duration.ofSeconds(10)))
                .isEqualTo("store-a");
        assertThat(store.find(id, List.of("store-b", "store-a"))
                        .map(IncidentCase::id)
                        .block(Duration.ofSeconds(10)))
                .isEqualTo(id);
        // Staff's read, whose reach CaseAccess checks and audits next.
        assertThat(store.findInAnyTenant(id).map(IncidentCase::id).block(Duration.ofSeconds(10)))
                .isEqualTo(id);
    }

    @Test
    void aListOfOneTenantsCasesHoldsNoneOfAnothers() {
        String id = open("store-list-a", RISK_NOTICE);

        assertThat(store.list(CaseFilter.ofTenant("store-list-b", true), null, 100)
                        .map(IncidentCase::id)
                        .collectList()
                        .block(Duration.ofSeconds(10)))
                .doesNotContain(id);
        assertThat(store.list(CaseFilter.ofTenant("store-list-a", true), null, 100)
                        .map(IncidentCase::id)
                        .collectList()
                        .block(Duration.ofSeconds(10)))
                .containsExactly(id);
    }
}

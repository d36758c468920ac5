package app.thaw.cases.playbook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.cases.api.CaseApiTests;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.playbook.Playbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tenant is in the query: a tenant's playbook version read by id as another tenant is not there; Thaw's defaults are everyone's. */
class MongoPlaybooksTenantTests extends CaseApiTests {

    @Autowired
    MongoPlaybooks playbooks;

    @Test
    void aTenantsVersionReadByIdAsAnotherTenantFindsNothing() {
        Playbook own = playbooks
                .createVersion(
                        "pb-a",
                        Scenario.RISK_TXN,
                        1,
                        List.of(),
                        Map.of(),
                        Instant.parse("2025-09-30T02:00:00Z"),
                        "tester")
                .block(Duration.ofSeconds(10));

        assertThat(own).isNotNull();
        assertThat(playbooks.byId("pb-b", own.id()).blockOptional(Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(playbooks.byId("pb-a", own.id()).map(Playbook::owner).block(Duration.ofSeconds(10)))
                .isEqualTo("pb-a");

        String thaws = Playbook.idOf(Playbook.DEFAULT_OWNER, Scenario.RISK_TXN, 1);
        assertThat(playbooks.byId("pb-b", thaws).map(Playbook::id).block(Duration.ofSeconds(10)))
                .isEqualTo(thaws);
    }
}

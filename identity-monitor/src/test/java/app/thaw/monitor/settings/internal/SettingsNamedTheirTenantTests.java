package app.thaw.monitor.settings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import app.thaw.monitor.MonitorWebTestBase;
import app.thaw.monitor.settings.SettingsService;
import app.thaw.monitor.settings.TenantSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Settings stored before they named their tenant are named before serving, and then written at their version. */
class SettingsNamedTheirTenantTests extends MonitorWebTestBase {

    @Autowired
    SettingsStore store;

    @Autowired
    SettingsService service;

    @Test
    void settingsStoredBeforeTheyNamedTheirTenantAreWrittenAtTheirVersionOnceNamed() {
        String tenant = newTenant();
        TenantSettings defaults = service.settings(tenant).block().value();
        store.replace(tenant, defaults, 0, Instant.now()).block();
        // As an earlier version stored them: no tenantId.
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(tenant)),
                        new Update().unset("tenantId"),
                        SettingsStore.SETTINGS)
                .block();

        store.createIndexes().block();

        assertThat(store.replace(tenant, defaults, 1, Instant.now()).block().version())
                .isEqualTo(2);
        // None stored is the defaults at version 0: another version is stale (409), not missing.
        assertThatThrownBy(() ->
                        store.replace(newTenant(), defaults, 7, Instant.now()).block())
                .isInstanceOf(OptimisticLockingFailureException.class);
    }
}

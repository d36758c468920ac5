package app.thaw.notifications.settings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.settings.SettingsService;
import app.thaw.notifications.settings.TenantSettings;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/**
 * Settings are read by the tenant's id: another tenant's settings never apply, the defaults do. Settings stored
 * before they named their tenant are named before the service serves, so they are written at their version.
 */
class SettingsStoreTests extends NotificationsTestBase {

    @Autowired
    SettingsService settings;

    @Autowired
    SettingsStore store;

    @Test
    void anotherTenantsSettingsAreNotFound() {
        String theirs = storedAsBefore(newTenant());

        StepVerifier.create(settings.forTenant(newTenant()).map(TenantSettings::version))
                .expectNext(0L)
                .verifyComplete();
        StepVerifier.create(settings.forTenant(theirs).map(TenantSettings::escalateAfter))
                .expectNext(Duration.ofMinutes(42))
                .verifyComplete();
    }

    @Test
    void settingsStoredBeforeTheyNamedTheirTenantAreNamedKeepingTheirVersion() {
        String tenant = storedAsBefore(newTenant());

        store.createIndexes().block();

        Document named =
                mongo.findById(tenant, Document.class, SettingsStore.COLLECTION).block();
        assertThat(named.getString("tenantId")).isEqualTo(tenant);
        assertThat(named.get("version", Number.class).longValue()).isEqualTo(1);
    }

    /** The tenant's settings as they were stored before they named their tenant. */
    private String storedAsBefore(String tenant) {
        mongo.insert(
                        new Document("_id", tenant)
                                .append("reminderOffsets", List.of(600_000L))
                                .append("escalateAfter", 2_520_000L)
                                .append("retrySchedule", List.of(5_000L))
                                .append("disableAfter", 86_400_000L)
                                .append("secretOverlap", 3_600_000L)
                                .append("version", 1L),
                        SettingsStore.COLLECTION)
                .block();
        return tenant;
    }
}

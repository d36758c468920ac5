package app.thaw.cases.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import app.thaw.cases.api.CaseApiTests;
import app.thaw.cases.tenant.TenantSettings;
import app.thaw.platform.problem.ThawProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A tenant's settings are kept under its id: another tenant's read finds nothing; a stale write is a conflict. */
class MongoTenantSettingsStoreTests extends CaseApiTests {

    @Autowired
    MongoTenantSettingsStore store;

    @Test
    void aTenantsSettingsReadAsAnotherTenantFindNothingAndAStaleWriteConflicts() {
        TenantSettings own = withCountry(TenantSettings.empty("ts-a"), "DE");
        store.replace(own, 0).block(Duration.ofSeconds(10));

        assertThat(store.find("ts-b").blockOptional(Duration.ofSeconds(10))).isEmpty();
        assertThat(store.find("ts-a").block(Duration.ofSeconds(10))).satisfies(found -> {
            assertThat(found.country()).isEqualTo("DE");
            assertThat(found.version()).isEqualTo(1);
        });
        assertThatThrownBy(() -> store.replace(own, 0).block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(
                        ThawProblem.class, problem -> assertThat(problem.code()).isEqualTo("version_conflict"));
    }

    private static TenantSettings withCountry(TenantSettings s, String country) {
        return new TenantSettings(
                s.id(),
                country,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                s.version());
    }
}

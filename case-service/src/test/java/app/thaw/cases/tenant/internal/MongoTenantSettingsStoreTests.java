package app.thaw.cases.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import app.thaw.cases.api.CaseApiTests;
import app.thaw.cases.tenant.TenantSettings;
import app.thaw.platform.problem.ThawProblem;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant's settings are kept under its id: another tenant's read finds nothing; a stale write is a conflict; a
 * write sets every member (a cleared one too); settings stored before they named their tenant are named at start.
 */
class MongoTenantSettingsStoreTests extends CaseApiTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

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

    @Test
    void aMemberTheTenantClearsIsClearedAndAWriteAtAVersionNeverStoredConflicts() {
        store.replace(withCountry(TenantSettings.empty("ts-c"), "DE"), 0).block(WAIT);
        TenantSettings stored = store.find("ts-c").block(WAIT);
        store.replace(withCountry(stored, null), stored.version()).block(WAIT);

        assertThat(store.find("ts-c").block(WAIT)).satisfies(found -> {
            assertThat(found.country()).isNull();
            assertThat(found.version()).isEqualTo(2);
        });
        assertThatThrownBy(() -> store.replace(withCountry(TenantSettings.empty("ts-d"), "DE"), 4)
                        .block(WAIT))
                .isInstanceOfSatisfying(
                        ThawProblem.class, problem -> assertThat(problem.code()).isEqualTo("version_conflict"));
    }

    @Test
    void settingsStoredBeforeTheyNamedTheirTenantAreWrittenAtTheirVersionOnceNamed() {
        mongo.insert(
                        new Document("_id", "ts-old").append("country", "DE").append("version", 2L),
                        MongoTenantSettingsStore.SETTINGS)
                .block(WAIT);
        store.createIndexes().block(WAIT);

        store.replace(withCountry(TenantSettings.empty("ts-old"), "FR"), 2).block(WAIT);

        assertThat(store.find("ts-old").block(WAIT)).satisfies(found -> {
            assertThat(found.country()).isEqualTo("FR");
            assertThat(found.version()).isEqualTo(3);
        });
    }

    private static TenantSettings withCountry(TenantSettings s, String country) {
        return new TenantSettings(
                s.id(),
                country,
                s.subdivision(),
                s.timeZone(),
                s.extraHolidays(),
                s.extraWorkingDays(),
                s.goldenMinutes(),
                s.takeoverFreezeMinutes(),
                s.takeoverProofMinutes(),
                s.takeoverContactMinutes(),
                s.partnerReviewMinutes(),
                s.supplementAckHours(),
                s.resolutionBusinessDays(),
                s.firstFollowUpBusinessDays(),
                s.nextFollowUpBusinessDays(),
                s.pauseWhileWaitingOn(),
                s.whyDepth(),
                s.autoTriageConfidence(),
                s.version());
    }
}

package app.thaw.cases.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import app.thaw.cases.incident.ChecklistItem;
import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.Scenario;
import org.junit.jupiter.api.Test;

class ChecklistCatalogueTests {

    @Test
    void anEnterpriseRiskFreezeNeedsLicenseLegalRepIdTransactionBackgroundAndStatements() {
        List<ChecklistItem> items = ChecklistCatalogue.derive(Scenario.RISK_TXN, EntityType.ENTERPRISE);

        assertThat(items)
                .extracting(ChecklistItem::code)
                .contains("BUSINESS_LICENSE", "LEGAL_REP_ID", "TRANSACTION_BACKGROUND", "BANK_STATEMENT")
                .doesNotContain("ID_SELFIE");
        assertThat(items)
                .filteredOn(item -> item.code().equals("TRANSACTION_BACKGROUND"))
                .singleElement()
                .satisfies(item -> assertThat(item.reason()).isEqualTo("FLAGGED_TRANSACTIONS"));
    }

    @Test
    void anIndividualGetsIdentityDocumentsInsteadOfCompanyPapers() {
        assertThat(ChecklistCatalogue.derive(Scenario.ACCOUNT_ANOMALY, EntityType.INDIVIDUAL))
                .extracting(ChecklistItem::code)
                .contains("ID_DOCUMENT", "ID_SELFIE")
                .doesNotContain("BUSINESS_LICENSE");
    }

    @Test
    void everyScenarioAndEntityTypeHasAChecklistOfCatalogueCodesEachTiedToAReasonInBothLanguages() {
        for (Scenario scenario : Scenario.values()) {
            for (EntityType type : EntityType.values()) {
                assertThat(ChecklistCatalogue.derive(scenario, type))
                        .isNotEmpty()
                        .allSatisfy(item -> {
                            assertThat(ChecklistCatalogue.CODES).contains(item.code());
                            assertThat(item.reasonZh()).isNotBlank();
                            assertThat(item.reasonEn()).isNotBlank();
                        });
            }
        }
    }

    @Test
    void judicialFreezeAsksForTheEnforcementNoticeFirst() {
        assertThat(ChecklistCatalogue.derive(Scenario.JUDICIAL_FREEZE, EntityType.INDIVIDUAL)
                        .getFirst()
                        .code())
                .isEqualTo("ENFORCEMENT_NOTICE");
    }
}

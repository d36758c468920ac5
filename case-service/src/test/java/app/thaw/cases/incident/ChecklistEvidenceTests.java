package app.thaw.cases.incident;

import static app.thaw.cases.incident.CaseFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ChecklistEvidenceTests {

    static final Instant T0 = Instant.parse("2025-09-30T02:00:00Z");

    @Test
    void evidenceMovesAnItemFromMissingToReceivedToAccepted() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);

        c.evidenceReported("BUSINESS_LICENSE", "e1", ChecklistStatus.RECEIVED, null, T0, "evidence-service");
        assertThat(status(c, "BUSINESS_LICENSE")).isEqualTo(ChecklistStatus.RECEIVED);
        c.evidenceReported("BUSINESS_LICENSE", "e1", ChecklistStatus.ACCEPTED, null, T0, "evidence-service");
        assertThat(status(c, "BUSINESS_LICENSE")).isEqualTo(ChecklistStatus.ACCEPTED);
    }

    @Test
    void anExpiredLicenseIsRejectedWithTheReasonAndAFreshOneCanStillBeAccepted() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);

        c.evidenceReported(
                "BUSINESS_LICENSE",
                "old",
                ChecklistStatus.REJECTED,
                "EXPIRED: valid until 2024-12-31",
                T0,
                "evidence-service");
        ChecklistItem rejected = item(c, "BUSINESS_LICENSE");
        assertThat(rejected.status()).isEqualTo(ChecklistStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("EXPIRED: valid until 2024-12-31");

        c.evidenceReported("BUSINESS_LICENSE", "new", ChecklistStatus.ACCEPTED, null, T0, "evidence-service");
        assertThat(status(c, "BUSINESS_LICENSE")).isEqualTo(ChecklistStatus.ACCEPTED);
        assertThat(item(c, "BUSINESS_LICENSE").rejectionReason())
                .as("no stale rejection beside an accepted proof")
                .isNull();
    }

    @Test
    void aNewUploadAwaitingReviewClearsTheOldRejectionFromTheLine() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);
        c.evidenceReported("BUSINESS_LICENSE", "old", ChecklistStatus.REJECTED, "EXPIRED", T0, "evidence-service");

        c.evidenceReported("BUSINESS_LICENSE", "new", ChecklistStatus.RECEIVED, null, T0, "evidence-service");

        assertThat(item(c, "BUSINESS_LICENSE").status()).isEqualTo(ChecklistStatus.RECEIVED);
        assertThat(item(c, "BUSINESS_LICENSE").rejectionReason()).isNull();
    }

    @Test
    void oneFileProvingTwoRequirementsSettlesBothLines() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);
        c.evidenceReported("BANK_STATEMENT", "e1", ChecklistStatus.RECEIVED, null, T0, "evidence-service");
        c.evidenceReported("TRANSACTION_BACKGROUND", "e1", ChecklistStatus.RECEIVED, null, T0, "evidence-service");

        c.evidenceReported("BANK_STATEMENT", "e1", ChecklistStatus.ACCEPTED, null, T0, "evidence-service");
        c.evidenceReported("TRANSACTION_BACKGROUND", "e1", ChecklistStatus.ACCEPTED, null, T0, "evidence-service");

        assertThat(status(c, "BANK_STATEMENT")).isEqualTo(ChecklistStatus.ACCEPTED);
        assertThat(status(c, "TRANSACTION_BACKGROUND")).isEqualTo(ChecklistStatus.ACCEPTED);
    }

    @Test
    void aLateReceivedEventNeverUndoesAVerdict() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);
        c.evidenceReported("BANK_STATEMENT", "e1", ChecklistStatus.ACCEPTED, null, T0, "evidence-service");

        boolean changed =
                c.evidenceReported("BANK_STATEMENT", "e1", ChecklistStatus.RECEIVED, null, T0, "evidence-service");

        assertThat(changed).isFalse();
        assertThat(status(c, "BANK_STATEMENT")).isEqualTo(ChecklistStatus.ACCEPTED);
    }

    @Test
    void evidenceForARequirementOffTheChecklistIsAddedAsAnExtraItem() {
        IncidentCase c = open(Scenario.DORMANCY, EntityType.INDIVIDUAL, T0);

        c.evidenceReported("POLICE_REPORT", "e9", ChecklistStatus.RECEIVED, null, T0, "evidence-service");

        assertThat(item(c, "POLICE_REPORT").reason()).isEqualTo("ADDITIONAL");
    }

    static ChecklistStatus status(IncidentCase c, String code) {
        return item(c, code).status();
    }

    static ChecklistItem item(IncidentCase c, String code) {
        return c.checklist().stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow();
    }
}

package app.thaw.evidence.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import app.thaw.evidence.support.EvidenceWebTestSupport;
import app.thaw.evidence.support.Samples;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;

class RetentionWebTests extends EvidenceWebTestSupport {

    @Autowired
    RetentionSweeper sweeper;

    @Test
    void expiredEvidenceIsDeletedUnlessHeldAndEachDeletionIsInTheCustodyLog() {
        // Tenant "tiny" keeps evidence 30 days (test configuration); the default tenant keeps it five years.
        String free = openCase("tiny", "RISK_TXN");
        String held = openCase("tiny", "RISK_TXN");
        String longLived = openCase("acme", "RISK_TXN");
        String freeItem =
                uploadedId(merchant("tiny"), free, "BANK_STATEMENT", "f.pdf", "application/pdf", Samples.pdf(1000, 50));
        String heldItem =
                uploadedId(merchant("tiny"), held, "BANK_STATEMENT", "h.pdf", "application/pdf", Samples.pdf(1000, 51));
        String keptItem = uploadedId(
                merchant("acme"), longLived, "BANK_STATEMENT", "k.pdf", "application/pdf", Samples.pdf(1000, 52));
        postJson(
                        staff("compliance_officer"),
                        "/api/v1/evidence/cases/{caseId}/holds",
                        Map.of("reason", "litigation"),
                        held)
                .expectStatus()
                .isCreated();

        clock.advance(Duration.ofDays(31));
        sweeper.sweepOnce().block();

        assertThat(status(freeItem)).isEqualTo("DELETED");
        assertThat(status(heldItem)).isEqualTo("RECEIVED");
        assertThat(status(keptItem)).isEqualTo("RECEIVED");
        Document deletion = find(
                        "custody",
                        Criteria.where("caseId").is(free).and("action").is("DELETED"))
                .getFirst();
        assertThat(deletion.getString("actor")).isEqualTo(RetentionSweeper.ACTOR);
        assertThat(deletion.get("details", Document.class).getString("reason")).startsWith("retention expired");
        assertThat(count(
                        "custody",
                        Criteria.where("caseId").is(held).and("action").is("DELETED")))
                .isZero();
    }

    private String status(String id) {
        return find("evidence", Criteria.where("_id").is(id)).getFirst().getString("status");
    }
}

package app.thaw.evidence.dashboard.internal;

import java.util.UUID;

import app.thaw.evidence.dashboard.CaseLabels;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** A case's label is read for its own tenant: another tenant asking by the same id gets no label. */
class CaseLabelsTenantScopeTests extends EvidenceWebTestSupport {

    @Autowired
    CaseLabels labels;

    @Test
    void aLabelReadWithAnotherTenantFindsNothing() {
        String caseId = "case-" + UUID.randomUUID();
        StepVerifier.create(labels.learn(caseId, "acme", "TH-2026-0042", "Acme Ltd"))
                .verifyComplete();
        StepVerifier.create(labels.of("globex", caseId))
                .expectNext(new CaseLabels.Label(null, null))
                .verifyComplete();
        StepVerifier.create(labels.of("acme", caseId))
                .expectNext(new CaseLabels.Label("TH-2026-0042", "Acme Ltd"))
                .verifyComplete();
    }

    @Test
    void anotherTenantsEventLabelsNothing() {
        String caseId = "case-" + UUID.randomUUID();
        StepVerifier.create(labels.learn(caseId, "acme", "TH-2026-0043", null)).verifyComplete();
        StepVerifier.create(labels.learn(caseId, "globex", "FORGED", "Someone else"))
                .verifyComplete();
        StepVerifier.create(labels.of("acme", caseId))
                .expectNext(new CaseLabels.Label("TH-2026-0043", null))
                .verifyComplete();
    }
}

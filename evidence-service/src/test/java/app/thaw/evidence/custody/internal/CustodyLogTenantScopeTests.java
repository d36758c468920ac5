package app.thaw.evidence.custody.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.custody.CustodyLog;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** The custody log names the tenant in every read: another tenant's chain is not there, and cannot be appended to. */
class CustodyLogTenantScopeTests extends EvidenceWebTestSupport {

    @Autowired
    CustodyLog log;

    @Autowired
    CaseFiles cases;

    private String acmesCaseWithOneEntry() {
        String caseId = "case-" + UUID.randomUUID();
        StepVerifier.create(cases.insertIfAbsent(CaseFile.opened(new CaseId(caseId), "acme", "ACCOUNT_FROZEN")))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(log.append(
                        "acme", caseId, CustodyAction.UPLOADED, "item-1", "0".repeat(64), "acme/admin", Map.of()))
                .expectNextCount(1)
                .verifyComplete();
        return caseId;
    }

    @Test
    void readsWithAnotherTenantFindNothing() {
        String caseId = acmesCaseWithOneEntry();
        StepVerifier.create(log.head("globex", caseId)).verifyComplete();
        StepVerifier.create(log.page("globex", caseId, 0, 10)).verifyComplete();
        StepVerifier.create(log.all("globex", caseId)).verifyComplete();
        StepVerifier.create(log.holds("globex", caseId, CustodyAction.UPLOADED, "evidenceId", "item-1"))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(log.head("acme", caseId).map(CustodyLog.Head::seq))
                .expectNext(1L)
                .verifyComplete();
        StepVerifier.create(log.holds("acme", caseId, CustodyAction.UPLOADED, "evidenceId", "item-1"))
                .expectNext(true)
                .verifyComplete();
    }

    @Test
    void anotherTenantCannotAppendToTheCasesChain() {
        String caseId = acmesCaseWithOneEntry();
        StepVerifier.create(log.caseAction("globex", caseId, CustodyAction.EXPORTED, "globex/admin", Map.of()))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("unknown case"))
                .verify();
        StepVerifier.create(log.all("acme", caseId).count()).expectNext(1L).verifyComplete();
    }

    @Test
    void signedHeadsAreReadForTheCasesTenantOnly() {
        String caseId = acmesCaseWithOneEntry();
        StepVerifier.create(log.recordSignedHead("acme", caseId, 1, "h", "{}".getBytes(), "sig"))
                .verifyComplete();
        StepVerifier.create(log.signedHeads("globex", caseId)).verifyComplete();
        StepVerifier.create(log.signedHeads("acme", caseId).count())
                .expectNext(1L)
                .verifyComplete();
    }
}

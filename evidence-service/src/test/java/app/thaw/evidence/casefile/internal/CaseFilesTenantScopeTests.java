package app.thaw.evidence.casefile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.InsurerConsent;
import app.thaw.evidence.casefile.TenantScope;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import reactor.test.StepVerifier;

/** The case files store names the tenant in every read by id: another tenant's case is not found, not refused. */
class CaseFilesTenantScopeTests extends EvidenceWebTestSupport {

    @Autowired
    CaseFiles cases;

    private CaseFile acmesCase() {
        CaseFile file = CaseFile.opened(new CaseId("case-" + UUID.randomUUID()), "acme", "ACCOUNT_FROZEN");
        StepVerifier.create(cases.insertIfAbsent(file)).expectNext(true).verifyComplete();
        return file;
    }

    @Test
    void aReadByIdWithAnotherTenantFindsNothing() {
        CaseFile file = acmesCase();
        StepVerifier.create(cases.find("globex", file.caseId())).verifyComplete();
        StepVerifier.create(cases.find(TenantScope.of(Set.of("globex", "initech")), file.caseId()))
                .verifyComplete();
        StepVerifier.create(cases.find("acme", file.caseId()).map(CaseFile::tenantId))
                .expectNext("acme")
                .verifyComplete();
    }

    @Test
    void aPartnersScopeFindsTheCasesOfTheTenantsItReachesAndStaffsFindsEvery() {
        CaseFile file = acmesCase();
        StepVerifier.create(cases.find(TenantScope.of(List.of("bank", "acme")), file.caseId())
                        .map(CaseFile::tenantId))
                .expectNext("acme")
                .verifyComplete();
        StepVerifier.create(cases.find(TenantScope.everyTenant(), file.caseId()).map(CaseFile::tenantId))
                .expectNext("acme")
                .verifyComplete();
    }

    @Test
    void anInsurerFindsACaseOnlyThroughItsOwnActiveConsent() {
        CaseFile file = acmesCase();
        StepVerifier.create(cases.findConsentedTo("insurer-a", file.caseId())).verifyComplete();
        CaseFile consented = file.grantConsent(
                new InsurerConsent("consent-1", "insurer-a", "acme/admin", clock().instant(), null, null));
        StepVerifier.create(cases.update(consented, List.of()))
                .expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(cases.findConsentedTo("insurer-b", file.caseId())).verifyComplete();
        StepVerifier.create(cases.findConsentedTo("insurer-a", file.caseId()).map(CaseFile::tenantId))
                .expectNext("acme")
                .verifyComplete();
        CaseFile revoked = consented.revokeConsent("consent-1", "acme/admin", clock().instant());
        StepVerifier.create(cases.update(revoked, List.of())).expectNextCount(1).verifyComplete();
        StepVerifier.create(cases.findConsentedTo("insurer-a", file.caseId())).verifyComplete();
    }

    @Test
    void anotherTenantsEventChangesNeitherTheScenarioNorTheCase() {
        CaseFile file = acmesCase();
        StepVerifier.create(cases.insertIfAbsent(CaseFile.opened(file.caseId(), "globex", "COMPLIANCE_HOLD")))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(cases.applyScenario(file.caseId(), "globex", "COMPLIANCE_HOLD", 9L))
                .verifyComplete();
        assertThat(find(
                                CaseFiles.COLLECTION,
                                Criteria.where("_id").is(file.caseId().value()))
                        .getFirst()
                        .getString("scenario"))
                .isEqualTo("ACCOUNT_FROZEN");
    }
}

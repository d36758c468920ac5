package app.thaw.cases.insurer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import app.thaw.cases.api.CaseApiTests;
import app.thaw.cases.insurer.InsurerFollows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tenant is in the query: a case's consents read with another case tenant, or another insurer, are not there. */
class MongoInsurerFollowsTenantTests extends CaseApiTests {

    @Autowired
    MongoInsurerFollows follows;

    @Test
    void aCasesConsentsReadWithAnotherTenantOrInsurerFindNothing() {
        String caseId = open("if-a", RISK_NOTICE);
        deliver(internalEvent(
                "thaw.evidence.consent_granted",
                "if-a",
                caseId,
                Map.of(
                        "caseId",
                        caseId,
                        "consentId",
                        UUID.randomUUID().toString(),
                        "insurerTenantId",
                        "if-ins",
                        "by",
                        "if-a/admin")));

        assertThat(follows.ofCase("if-b", caseId).collectList().block(Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(follows.activeConsent("if-other-ins", caseId).blockOptional(Duration.ofSeconds(10)))
                .isEmpty();

        assertThat(follows.ofCase("if-a", caseId)
                        .map(InsurerFollows.Consent::insurerTenantId)
                        .collectList()
                        .block(Duration.ofSeconds(10)))
                .containsExactly("if-ins");
        assertThat(follows.activeConsent("if-ins", caseId)
                        .map(InsurerFollows.Consent::caseTenantId)
                        .block(Duration.ofSeconds(10)))
                .isEqualTo("if-a");
    }
}

package app.thaw.evidence.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import app.thaw.evidence.casefile.CaseCustody;
import app.thaw.evidence.support.EvidenceWebTestSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A hold or consent written to the case file by a request that died before its custody entry was
 * appended is not lost (ADR 52): the case file's write recorded the entry it owes, and the repair —
 * custody verification, or the reaper's loop — appends it once the grace has passed, once. The
 * fault: the custody log fails the request's append, as an instance killed between the two writes.
 */
class CaseCustodyRepairWebTests extends EvidenceWebTestSupport {

    @MockitoSpyBean
    CustodyLog custodyLog;

    @Autowired
    CaseCustody caseCustody;

    /** The request's own append dies: the case file's write is done, the log's is not. */
    private void dieBeforeTheCustodyEntryOf(CustodyAction action) {
        doReturn(Mono.error(new IllegalStateException("killed between the case file and its custody entry")))
                .when(custodyLog)
                .caseAction(
                        anyString(),
                        anyString(),
                        eq(action),
                        anyString(),
                        argThat(details -> !details.containsKey("recordedLate")));
    }

    @Test
    void aHoldWhoseRequestDiedBeforeItsCustodyEntryIsLoggedLateByVerificationAndOnlyOnce() {
        String caseId = openCase("acme", "RISK_TXN");
        dieBeforeTheCustodyEntryOf(CustodyAction.HOLD_PLACED);
        postJson(
                        staff("compliance_officer"),
                        "/api/v1/evidence/cases/{caseId}/holds",
                        Map.of("reason", "subpoena 12"),
                        caseId)
                .expectStatus()
                .is5xxServerError();

        Document file = find("case_files", Criteria.where("_id").is(caseId)).getFirst();
        assertThat((List<?>) file.get("holds")).hasSize(1);
        assertThat((List<?>) file.get(CaseCustody.OWED))
                .as("the entry the hold owes, recorded with it")
                .hasSize(1);
        assertThat(count(CustodyLog.COLLECTION, Criteria.where("caseId").is(caseId)))
                .isZero();

        // Within the grace the request may still be on its way: nothing is written for it.
        verify(caseId)
                .jsonPath("$.intact")
                .isEqualTo(true)
                .jsonPath("$.entries")
                .isEqualTo(0);

        clock.advance(Duration.ofMinutes(2));
        verify(caseId)
                .jsonPath("$.intact")
                .isEqualTo(true)
                .jsonPath("$.entries")
                .isEqualTo(1);
        verify(caseId).jsonPath("$.entries").isEqualTo(1);
        Document entry =
                find(CustodyLog.COLLECTION, Criteria.where("caseId").is(caseId)).getFirst();
        assertThat(entry.getString("action")).isEqualTo("HOLD_PLACED");
        assertThat(entry.getString("actor")).isNotBlank();
        assertThat(entry.get("details", Document.class))
                .containsEntry("recordedLate", "true")
                .containsEntry("reason", "subpoena 12")
                .containsKey("happenedAt");
        assertThat((List<?>) find("case_files", Criteria.where("_id").is(caseId))
                        .getFirst()
                        .get(CaseCustody.OWED))
                .isEmpty();
    }

    @Test
    void consentsAndReleasesWhoseRequestsDiedAreLoggedByTheRepairLoopAndAnEntryAlreadyWrittenIsNotWrittenTwice() {
        String granted = openCase("acme", "RISK_TXN");
        dieBeforeTheCustodyEntryOf(CustodyAction.CONSENT_GRANTED);
        postJson(
                        merchant("acme"),
                        "/api/v1/evidence/cases/{caseId}/consents",
                        Map.of("insurerTenantId", "insurer-demo"),
                        granted)
                .expectStatus()
                .is5xxServerError();

        // A release whose instance died after the append but before the debt was settled.
        String released = openCase("acme", "RISK_TXN");
        String holdId = firstHoldId(postJson(
                staff("compliance_officer"),
                "/api/v1/evidence/cases/{caseId}/holds",
                Map.of("reason", "audit"),
                released));
        releaseHold(released, holdId, "closed").expectStatus().isOk();
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(released)),
                        new Update()
                                .push(
                                        CaseCustody.OWED,
                                        new Document("ref", "HOLD_RELEASED:" + holdId)
                                                .append("action", "HOLD_RELEASED")
                                                .append("refKey", "holdId")
                                                .append("actor", "compliance")
                                                .append("at", java.util.Date.from(clock().instant()))
                                                .append(
                                                        "details",
                                                        new Document("holdId", holdId).append("reason", "closed"))),
                        "case_files")
                .block();

        clock.advance(Duration.ofMinutes(2));
        StepVerifier.create(caseCustody.repairAll())
                .assertNext(settled -> assertThat(settled).isGreaterThanOrEqualTo(2))
                .verifyComplete();

        assertThat(count(
                        CustodyLog.COLLECTION,
                        Criteria.where("caseId").is(granted).and("action").is("CONSENT_GRANTED")))
                .isEqualTo(1);
        assertThat(count(
                        CustodyLog.COLLECTION,
                        Criteria.where("caseId").is(released).and("action").is("HOLD_RELEASED")))
                .isEqualTo(1);
        for (String caseId : List.of(granted, released)) {
            assertThat((List<?>) find("case_files", Criteria.where("_id").is(caseId))
                            .getFirst()
                            .get(CaseCustody.OWED))
                    .as(caseId)
                    .isEmpty();
            verify(caseId).jsonPath("$.intact").isEqualTo(true);
        }
    }

    @Test
    void aHoldThatCompletedOwesNothing() {
        String caseId = openCase("acme", "RISK_TXN");
        postJson(
                        staff("compliance_officer"),
                        "/api/v1/evidence/cases/{caseId}/holds",
                        Map.of("reason", "subpoena 13"),
                        caseId)
                .expectStatus()
                .isCreated();
        assertThat((List<?>) find("case_files", Criteria.where("_id").is(caseId))
                        .getFirst()
                        .get(CaseCustody.OWED))
                .isEmpty();
        assertThat(count(
                        CustodyLog.COLLECTION,
                        Criteria.where("caseId").is(caseId).and("action").is("HOLD_PLACED")))
                .isEqualTo(1);
    }

    private WebTestClient.BodyContentSpec verify(String caseId) {
        return custodyReport(caseId, merchant("acme"));
    }
}

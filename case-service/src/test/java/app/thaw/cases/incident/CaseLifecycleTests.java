package app.thaw.cases.incident;

import static app.thaw.cases.incident.CaseFixtures.POLICY;
import static app.thaw.cases.incident.CaseFixtures.SHANGHAI;
import static app.thaw.cases.incident.CaseFixtures.move;
import static app.thaw.cases.incident.CaseFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CaseLifecycleTests {

    static final Instant T0 = Instant.parse("2025-09-30T02:00:00Z");

    @Test
    void aCaseOpenedWithAFixedScenarioIsTriagedAtOnceAndRecordsItsEvents() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);

        assertThat(c.status()).isEqualTo(CaseStatus.TRIAGED);
        assertThat(CaseFixtures.types(c.pullEvents()))
                .startsWith("Opened", "ClockSet")
                .contains("Triaged", "StatusChanged");
        assertThat(c.timeline()).extracting(TimelineEntry::type).contains("opened", "triaged", "status_changed");
        assertThat(c.timeline().getFirst().at()).isEqualTo(T0);
    }

    @Test
    void anIllegalTransitionNamesTheCurrentAndTheAllowedStates() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);

        assertThatThrownBy(() -> move(c, T0, CaseStatus.RESOLVED))
                .isInstanceOfSatisfying(IllegalTransition.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("illegal_transition");
                    assertThat(refusal.properties())
                            .containsEntry("currentState", "TRIAGED")
                            .containsEntry("allowedStates", List.of("GATHERING_EVIDENCE"));
                });
        assertThat(c.status()).isEqualTo(CaseStatus.TRIAGED);
    }

    @Test
    void theWholeLifecycleRunsFromTriageToClosedAfterACompletedReview() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);
        move(
                c,
                T0,
                CaseStatus.GATHERING_EVIDENCE,
                CaseStatus.SUBMITTED,
                CaseStatus.UNDER_REVIEW,
                CaseStatus.SUPPLEMENT_REQUESTED,
                CaseStatus.GATHERING_EVIDENCE,
                CaseStatus.SUBMITTED,
                CaseStatus.UNDER_REVIEW,
                CaseStatus.RESOLVED);
        writeCompleteReview(c);

        move(c, T0, CaseStatus.CLOSED);

        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.outcome()).isEqualTo(Outcome.RESTORED);
        assertThat(c.clocks()).noneMatch(clock -> clock.state().open());
        assertThatThrownBy(() -> c.assign("someone", T0, "agent")).isInstanceOf(CaseAlreadyClosed.class);
    }

    @Test
    void closingWithoutACompletedReviewIsRefused() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);
        move(c, T0, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED, CaseStatus.UNDER_REVIEW, CaseStatus.REJECTED);
        c.writeReview(review(List.of("why 1")), T0, "agent");

        assertThatThrownBy(() -> move(c, T0, CaseStatus.CLOSED)).isInstanceOf(ReviewRequired.class);
        assertThatThrownBy(() -> c.completeReview(POLICY, T0, "agent"))
                .isInstanceOf(ReviewIncomplete.class)
                .hasMessageContaining("requires 5");
    }

    @Test
    void judicialFreezeCannotResolveWithoutAnExternalReleaseReference() {
        IncidentCase c = open(Scenario.JUDICIAL_FREEZE, EntityType.INDIVIDUAL, T0);
        move(c, T0, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED, CaseStatus.UNDER_REVIEW);

        assertThatThrownBy(() -> move(c, T0, CaseStatus.RESOLVED)).isInstanceOf(ReleaseReferenceRequired.class);

        c.transition(
                CaseStatus.RESOLVED,
                "court lifted the freeze",
                "(2025)沪0115执保解1234号",
                null,
                List.of(),
                POLICY,
                SHANGHAI,
                T0,
                "agent");
        assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(c.releaseReference()).isEqualTo("(2025)沪0115执保解1234号");
    }

    @Test
    void complianceHoldIsRestrictedAndNeedsAReleaseReferenceToo() {
        IncidentCase c = open(Scenario.COMPLIANCE_HOLD, EntityType.ENTERPRISE, T0);
        move(c, T0, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED, CaseStatus.UNDER_REVIEW);

        assertThat(c.restricted()).isTrue();
        assertThatThrownBy(() -> move(c, T0, CaseStatus.RESOLVED)).isInstanceOf(ReleaseReferenceRequired.class);
    }

    @Test
    void aSupplementRequestStartsThe24HourClockAndGoingBackToGatheringMeetsIt() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);
        move(c, T0, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED, CaseStatus.UNDER_REVIEW);
        c.pullEvents();
        c.transition(
                CaseStatus.SUPPLEMENT_REQUESTED,
                "platform asks for invoices",
                null,
                null,
                List.of("TRANSACTION_BACKGROUND"),
                POLICY,
                SHANGHAI,
                T0,
                "agent");

        CaseClock ack =
                c.clocks(clock -> clock.kind() == ClockKind.SUPPLEMENT_ACK_24H).getFirst();
        assertThat(ack.dueAt()).isEqualTo(T0.plusSeconds(24 * 3600));
        assertThat(c.pullEvents())
                .anySatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(
                                CaseEvent.SupplementRequested.class,
                                requested -> assertThat(requested.items()).containsExactly("TRANSACTION_BACKGROUND")));

        move(c, T0.plusSeconds(3600), CaseStatus.GATHERING_EVIDENCE);
        assertThat(c.clock(ack.id()).orElseThrow().state()).isEqualTo(ClockState.MET);
    }

    @Test
    void anOverrideChangesScenarioRePlansTheCaseAndKeepsTheReasonOnTheTimeline() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);
        String riskTask = c.tasks().getFirst().clockId();

        c.triage(
                Scenario.AML_REVIEW,
                FreezeScope.ACCOUNT,
                null,
                "bank asks for source of funds",
                CaseFixtures.plan(Scenario.AML_REVIEW, EntityType.ENTERPRISE),
                POLICY,
                T0,
                "supervisor");

        assertThat(c.scenario()).isEqualTo(Scenario.AML_REVIEW);
        assertThat(c.clock(riskTask).orElseThrow().state()).isEqualTo(ClockState.CANCELLED);
        assertThat(c.tasks()).allMatch(task -> task.id().startsWith("aml_review-"));
        assertThat(c.timeline().stream()
                        .filter(line -> line.type().equals("triaged"))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .details())
                .containsEntry("reason", "bank asks for source of funds")
                .containsEntry("previousScenario", "RISK_TXN");
    }

    @Test
    void triageIsClosedOnceEvidenceGatheringStarted() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);
        move(c, T0, CaseStatus.GATHERING_EVIDENCE);

        assertThatThrownBy(() -> c.triage(
                        Scenario.AML_REVIEW,
                        FreezeScope.ACCOUNT,
                        null,
                        "late",
                        CaseFixtures.plan(Scenario.AML_REVIEW, EntityType.ENTERPRISE),
                        POLICY,
                        T0,
                        "supervisor"))
                .isInstanceOf(TriageClosed.class);
    }

    @Test
    void actionItemsAreTrackedToDoneEvenAfterClosing() {
        IncidentCase c = open(Scenario.RISK_TXN, EntityType.ENTERPRISE, T0);
        move(c, T0, CaseStatus.GATHERING_EVIDENCE, CaseStatus.SUBMITTED, CaseStatus.UNDER_REVIEW, CaseStatus.RESOLVED);
        writeCompleteReview(c);
        move(c, T0, CaseStatus.CLOSED);

        c.completeActionItem("a1", T0.plusSeconds(60), "owner");

        assertThat(c.review().actionItems().getFirst().done()).isTrue();
    }

    static void writeCompleteReview(IncidentCase c) {
        c.writeReview(
                review(List.of("no invoice", "sales did not file it", "no checklist", "new hire", "no onboarding")),
                T0,
                "agent");
        c.completeReview(POLICY, T0, "agent");
    }

    static Review review(List<String> whys) {
        return new Review(
                "frozen for 3 days",
                whys,
                "no onboarding for invoices",
                "3 days of frozen funds",
                "invoice checklist",
                List.of(new Review.ActionItem(
                        "a1", "write the checklist", "ops", LocalDate.of(2025, 10, 20), false, null)),
                null,
                null);
    }
}

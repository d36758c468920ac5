package app.thaw.cases.incident;

import java.time.Duration;
import java.util.Set;

/**
 * A tenant's numbers for cases (DOMAIN: every number is per-tenant configuration with a default).
 *
 * @param golden                   opened → first client notification (golden 15 minutes)
 * @param takeoverFreeze           detection → account frozen, for ACCOUNT_TAKEOVER
 * @param takeoverProof            detection → proof of the theft collected
 * @param takeoverContact          detection → platform's support contacted
 * @param partnerReview            submitted proof → partner bank's review, for the scenarios in {@code partnerReviewScenarios}
 * @param supplementAck            a supplement request → acknowledged
 * @param resolutionBusinessDays   submitted → resolved before the case is flagged for escalation
 * @param firstFollowUpBusinessDays submitted, nothing promised → first follow-up
 * @param nextFollowUpBusinessDays submitted, nothing promised → second follow-up
 * @param pauseWhileWaitingOn      the parties whose waiting pauses the {@code pausableClocks}
 * @param whyDepth                 how many "why" levels a review must reach
 * @param autoTriageConfidence     a suggestion at least this sure triages the case at intake
 */
public record CasePolicy(
        Duration golden,
        Duration takeoverFreeze,
        Duration takeoverProof,
        Duration takeoverContact,
        Duration partnerReview,
        Set<Scenario> partnerReviewScenarios,
        Duration supplementAck,
        int resolutionBusinessDays,
        int firstFollowUpBusinessDays,
        int nextFollowUpBusinessDays,
        Set<Party> pauseWhileWaitingOn,
        Set<ClockKind> pausableClocks,
        int whyDepth,
        double autoTriageConfidence) {

    public CasePolicy {
        partnerReviewScenarios = Set.copyOf(partnerReviewScenarios);
        pauseWhileWaitingOn = Set.copyOf(pauseWhileWaitingOn);
        pausableClocks = Set.copyOf(pausableClocks);
    }

    /** DOMAIN's defaults. */
    public static CasePolicy defaults() {
        return new CasePolicy(
                Duration.ofMinutes(15),
                Duration.ofMinutes(15),
                Duration.ofMinutes(20),
                Duration.ofMinutes(30),
                Duration.ofHours(2),
                Set.of(Scenario.RISK_TXN),
                Duration.ofHours(24),
                3,
                5,
                7,
                Set.of(Party.HOLDER),
                Set.of(ClockKind.TASK_DUE, ClockKind.RESOLUTION),
                5,
                0.6);
    }

    public Duration durationOf(ClockKind kind) {
        return switch (kind) {
            case GOLDEN_15 -> golden;
            case TAKEOVER_FREEZE_15 -> takeoverFreeze;
            case TAKEOVER_PROOF_20 -> takeoverProof;
            case TAKEOVER_CONTACT_30 -> takeoverContact;
            case PARTNER_REVIEW_2H -> partnerReview;
            case SUPPLEMENT_ACK_24H -> supplementAck;
            case FOLLOW_UP, TASK_DUE, RESOLUTION, NOTICE_DEADLINE ->
                throw new IllegalArgumentException(kind + " has no fixed duration");
        };
    }
}

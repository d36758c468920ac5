package app.thaw.cases.incident;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of docs/domain.md §3, with the transitions each state allows. */
public enum CaseStatus {
    OPEN,
    TRIAGED,
    GATHERING_EVIDENCE,
    SUBMITTED,
    UNDER_REVIEW,
    SUPPLEMENT_REQUESTED,
    RESOLVED,
    REJECTED,
    ESCALATED_LEGAL,
    CLOSED;

    public Set<CaseStatus> allowedNext() {
        return switch (this) {
            case OPEN -> EnumSet.of(TRIAGED);
            case TRIAGED -> EnumSet.of(GATHERING_EVIDENCE);
            case GATHERING_EVIDENCE -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(SUPPLEMENT_REQUESTED, RESOLVED, REJECTED, ESCALATED_LEGAL);
            case SUPPLEMENT_REQUESTED -> EnumSet.of(GATHERING_EVIDENCE);
            // Rejected: appeal again (back to gathering), go to law, or stop.
            case REJECTED -> EnumSet.of(GATHERING_EVIDENCE, ESCALATED_LEGAL, CLOSED);
            case RESOLVED, ESCALATED_LEGAL -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus next) {
        return allowedNext().contains(next);
    }

    public boolean terminal() {
        return this == CLOSED;
    }
}

package app.thaw.cases.incident;

/** The named clocks of docs/domain.md §4, §7 and §8 (docs/events.md lists them). */
public enum ClockKind {
    GOLDEN_15,
    TAKEOVER_FREEZE_15,
    TAKEOVER_PROOF_20,
    TAKEOVER_CONTACT_30,
    PARTNER_REVIEW_2H,
    SUPPLEMENT_ACK_24H,
    FOLLOW_UP,
    TASK_DUE,
    RESOLUTION,
    /** A time limit the notice itself states ("请于3个工作日内提交", "within 10 days"), in the tenant's calendar. */
    NOTICE_DEADLINE
}

package app.thaw.monitor.signals;

/** What a source saw happen to a subject (docs/domain.md §10), plus the payments the contact-change detector follows. */
public enum SignalType {
    LOGIN,
    OTP_REQUESTED,
    CREDIT_APPLICATION,
    ACCOUNT_OPENED,
    CARD_ISSUED,
    CONTACT_CHANGED,
    GOVERNMENT_ACCOUNT_CHANGED,
    CREDIT_BUREAU_INQUIRY,
    ACCOUNT_FROZEN,
    PAYMENT,
    WITHDRAWAL
}

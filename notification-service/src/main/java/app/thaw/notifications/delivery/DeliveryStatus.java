package app.thaw.notifications.delivery;

/** Where one (event, recipient, channel) delivery stands. */
public enum DeliveryStatus {
    /** Created, not yet attempted. */
    PENDING,
    /** Waiting for the end of the recipient's quiet hours. */
    DEFERRED,
    /** An attempt is under way (claimed by one instance). */
    SENDING,
    /** Failed at least once; the next attempt is scheduled. */
    RETRYING,
    DELIVERED,
    /** Gave up: attempts exhausted, the endpoint is gone or disabled. */
    FAILED;

    public boolean attemptable() {
        return this == PENDING || this == DEFERRED || this == RETRYING;
    }
}

package app.thaw.notifications.recipients;

/** How a message travels. Webhooks go to the tenant's registered endpoints, the others to a recipient. */
public enum Channel {
    EMAIL,
    SMS,
    WEBHOOK,
    IN_APP;

    /** Channels that interrupt a person and so wait out quiet hours (unless urgent). */
    public boolean interrupts() {
        return this == EMAIL || this == SMS;
    }
}

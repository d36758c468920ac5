package app.thaw.monitor.subscription;

/** What plans put a monthly quota on, and the service that meters and enforces each. */
public enum MeteredItem {
    CASES("cases", "case-service"),
    EVIDENCE_STORAGE_MB("evidenceStorageMb", "evidence-service"),
    MONITORED_SUBJECTS("monitoredSubjects", "identity-monitor"),
    SIGNALS("signals", "identity-monitor"),
    SCREENINGS("screenings", "identity-monitor"),
    SMS("sms", "notification-service"),
    WEBHOOK_ENDPOINTS("webhookEndpoints", "notification-service");

    private final String key;
    private final String meteredBy;

    MeteredItem(String key, String meteredBy) {
        this.key = key;
        this.meteredBy = meteredBy;
    }

    /** The item's name in the catalogue and in problems ({@code quota}). */
    public String key() {
        return key;
    }

    public String meteredBy() {
        return meteredBy;
    }

    public static MeteredItem byKey(String key) {
        for (MeteredItem item : values()) {
            if (item.key.equals(key)) {
                return item;
            }
        }
        throw new IllegalArgumentException("No metered item '" + key + "'");
    }
}

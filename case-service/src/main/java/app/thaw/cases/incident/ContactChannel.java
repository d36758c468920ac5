package app.thaw.cases.incident;

/** How the platform was reached. */
public enum ContactChannel {
    ONLINE_CHAT,
    PHONE,
    EMAIL,
    SOCIAL_MEDIA,
    SELF_SERVICE
}

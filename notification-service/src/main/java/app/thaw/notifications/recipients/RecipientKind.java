package app.thaw.notifications.recipients;

/** A client of the tenant (a merchant's contact, a monitored person) or the tenant's own staff. */
public enum RecipientKind {
    CLIENT,
    STAFF
}

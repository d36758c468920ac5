package app.thaw.cases.incident;

/**
 * Whose account is frozen.
 *
 * @param accountReference the account's reference at the freezing platform (not a protected identifier)
 */
public record Holder(EntityType type, String displayName, String accountReference) {}

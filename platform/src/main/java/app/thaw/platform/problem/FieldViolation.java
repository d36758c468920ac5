package app.thaw.platform.problem;

/**
 * One invalid field of a request: its path, the rule it broke (the constraint's name, e.g.
 * {@code NotBlank}, {@code Size}) and what a person should fix. The rejected value is never
 * echoed: it may be an identifier Thaw must not repeat.
 */
public record FieldViolation(String field, String rule, String message) {}

package app.thaw.monitor.rules;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cel.common.CelIssue;

/**
 * What is wrong with a rule's expression, as a page words it in its language
 * ({@code monitor.rules.cel.<kind>}, arguments: line, column, subject, hint): the kind of error, where (line and
 * column from 1), what it is about (a name, a character, an operator, a type), and CEL's own English text kept only
 * as the detail. Read from the compiler's issue text, which is the library's; a text none of these patterns knows
 * is {@link Kind#OTHER}, still with its position and detail.
 *
 * @param subject what the error is about ({@code foo}, {@code （}, {@code ==}, {@code int}), "" when nothing
 * @param hint    for {@link Kind#FULL_WIDTH} the half-width character to write instead, for {@link Kind#WRONG_TYPES}
 *                the operand types, else ""
 */
public record RuleError(Kind kind, int line, int column, String subject, String hint, String detail) {

    /** The kinds a page words: syntax (empty, incomplete, a character, other), an unknown name, wrong types. */
    public enum Kind {
        EMPTY,
        INCOMPLETE,
        CHARACTER,
        FULL_WIDTH,
        SYNTAX,
        UNKNOWN_NAME,
        WRONG_TYPES,
        NOT_BOOLEAN,
        TOO_LONG,
        OTHER;

        /** The message key a page words this kind with. */
        public String messageKey() {
            return "monitor.rules.cel." + name();
        }
    }

    private static final Pattern CHARACTER = Pattern.compile("token recognition error at: '(.+)'", Pattern.DOTALL);
    private static final Pattern AT_END = Pattern.compile("mismatched input '<EOF>'.*", Pattern.DOTALL);
    private static final Pattern NEAR =
            Pattern.compile("(?:mismatched|extraneous) input '(.*?)' expecting.*", Pattern.DOTALL);
    private static final Pattern UNKNOWN = Pattern.compile("undeclared reference to '([^']+)'.*", Pattern.DOTALL);
    private static final Pattern OVERLOAD =
            Pattern.compile("found no matching overload for '([^']+)' applied to '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern RESULT = Pattern.compile("expected type 'bool' but found '([^']+)'.*", Pattern.DOTALL);

    /** The arguments of its message: line, column, subject, hint (strings, so no number is formatted "1,024"). */
    public Object[] arguments() {
        return new Object[] {String.valueOf(line), String.valueOf(column), subject, hint};
    }

    /** The first of the compiler's errors for {@code expression}, read into a kind. */
    static RuleError of(String expression, List<CelIssue> errors, String detail) {
        if (expression.isBlank()) {
            return new RuleError(Kind.EMPTY, 1, 1, "", "", detail);
        }
        CelIssue first = errors.getFirst();
        int line = Math.max(1, first.getSourceLocation().getLine());
        int column = Math.max(0, first.getSourceLocation().getColumn()) + 1;
        String message = first.getMessage();
        Matcher m;
        if ((m = CHARACTER.matcher(message)).matches()) {
            String character = m.group(1);
            String halfWidth = Normalizer.normalize(character, Normalizer.Form.NFKC);
            return halfWidth.equals(character)
                    ? new RuleError(Kind.CHARACTER, line, column, character, "", detail)
                    : new RuleError(Kind.FULL_WIDTH, line, column, character, halfWidth, detail);
        }
        if (AT_END.matcher(message).matches()) {
            return new RuleError(Kind.INCOMPLETE, line, column, "", "", detail);
        }
        if ((m = NEAR.matcher(message)).matches()) {
            return new RuleError(Kind.SYNTAX, line, column, m.group(1), "", detail);
        }
        if ((m = UNKNOWN.matcher(message)).matches()) {
            return new RuleError(Kind.UNKNOWN_NAME, line, column, m.group(1), "", detail);
        }
        if ((m = OVERLOAD.matcher(message)).matches()) {
            return new RuleError(Kind.WRONG_TYPES, line, column, operator(m.group(1)), m.group(2), detail);
        }
        if ((m = RESULT.matcher(message)).matches()) {
            return new RuleError(Kind.NOT_BOOLEAN, line, column, m.group(1), "", detail);
        }
        if (message.contains("no viable alternative") || message.contains("missing ")) {
            return new RuleError(Kind.SYNTAX, line, column, "", "", detail);
        }
        return new RuleError(Kind.OTHER, line, column, "", "", detail);
    }

    /** CEL's name of an operator as a person writes it: {@code _==_} is {@code ==}, {@code !_} is {@code !}. */
    static String operator(String function) {
        return switch (function) {
            case "_[_]" -> "[]";
            case "_?_:_" -> "? :";
            default -> function.replaceAll("^_|_$", "");
        };
    }
}

package app.thaw.monitor.protection;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The kinds of identifier a subject is enrolled with and a signal names. Each kind normalises
 * its value before hashing, so "+86 138-0000-0000" and "+8613800000000" match.
 */
public enum IdentifierType {
    NATIONAL_ID,
    PHONE,
    EMAIL,
    BANK_ACCOUNT,
    COMPANY_REGISTRATION,
    NAME_NATIVE,
    NAME_LATIN;

    /** The canonical form that is hashed: case, spacing and punctuation that do not identify are dropped. */
    public String normalise(String value) {
        String trimmed = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        return switch (this) {
            case PHONE -> (trimmed.startsWith("+") ? "+" : "") + trimmed.replaceAll("[^0-9]", "");
            case EMAIL -> trimmed.toLowerCase(Locale.ROOT);
            case NATIONAL_ID, BANK_ACCOUNT, COMPANY_REGISTRATION ->
                trimmed.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
            case NAME_NATIVE, NAME_LATIN -> trimmed.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        };
    }

    public boolean isName() {
        return this == NAME_NATIVE || this == NAME_LATIN;
    }

    /**
     * What may be shown where the value may not: a few characters kept so a person can tell two
     * identifiers apart, never enough to use one.
     */
    public String mask(String value) {
        String v = value.strip();
        return switch (this) {
            case EMAIL -> {
                int at = v.indexOf('@');
                yield at <= 0 ? "***" : v.charAt(0) + "***@" + maskTail(v.substring(at + 1), 0);
            }
            case PHONE, NATIONAL_ID, BANK_ACCOUNT, COMPANY_REGISTRATION -> "***" + lastN(normalise(v), 4);
            case NAME_NATIVE, NAME_LATIN -> maskName(v);
        };
    }

    /** Each word's first character, the rest starred: "Zhang Wei" → "Z**** W**", "张伟" → "张*". */
    static String maskName(String name) {
        StringBuilder masked = new StringBuilder();
        for (String word : name.strip().split("[\\s,]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            int first = word.offsetByCodePoints(0, 1);
            masked.append(word, 0, first).append("*".repeat(Math.max(1, word.codePointCount(first, word.length()))));
        }
        return masked.toString();
    }

    private static String lastN(String value, int n) {
        // Short values show nothing at all: four of five digits would identify.
        return value.length() <= n * 2 ? "" : value.substring(value.length() - n);
    }

    private static String maskTail(String domain, int keep) {
        return domain.isEmpty()
                ? ""
                : domain.substring(0, keep)
                        + domain.substring(keep).replaceAll("[^.]", "*").replaceAll("\\*+", "*");
    }
}

package app.thaw.platform.privacy;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Account numbers and references as they may leave the service that holds them: the last four
 * characters only, behind {@value #MASK} (docs/events.md: events, notification records and webhook
 * bodies carry masked account references only).
 */
public final class AccountNumbers {

    public static final String MASK = "****";

    /** Keys whose values are account numbers wherever they appear in event or notification data. */
    static final Set<String> ACCOUNT_KEYS =
            Set.of("accountreference", "accountnumber", "bankaccount", "account", "iban", "cardnumber");

    /**
     * A run of nine or more digits (full-width ones too), with a national id's final X: an account or card
     * number, a national id or a phone number written into free text.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\p{Nd})\\p{Nd}{9,}[Xx]?(?!\\p{Nd})");

    private AccountNumbers() {}

    /**
     * Free text that leaves the service (a file name, a note) with every identifier-like run of nine or
     * more digits masked as {@link #masked} does ({@code statement-6222029876543210987.png} →
     * {@code statement-****0987.png}); shorter numbers (dates, amounts, reference numbers) stay.
     */
    public static String maskedInText(String text) {
        return DIGIT_RUN
                .matcher(text)
                .replaceAll(match -> java.util.regex.Matcher.quoteReplacement(masked(match.group())));
    }

    /**
     * {@code ****} and the last four characters (after NFKC, so full-width digits count as digits,
     * and without spaces or dashes); just {@code ****} when there are four or fewer, so a short
     * reference is never shown whole. Already masked values stay as they are.
     */
    public static String masked(String accountNumber) {
        if (accountNumber.startsWith(MASK)) {
            return accountNumber;
        }
        String compact =
                Normalizer.normalize(accountNumber, Normalizer.Form.NFKC).replaceAll("[\\s\\-_./]", "");
        int length = compact.codePointCount(0, compact.length());
        if (length <= 4) {
            return MASK;
        }
        return MASK + compact.substring(compact.offsetByCodePoints(0, length - 4));
    }

    /** A copy of {@code data} with every account number in it, at any depth, masked. */
    public static Map<String, Object> maskedIn(Map<String, ?> data) {
        Map<String, Object> copy = new LinkedHashMap<>();
        data.forEach((key, value) -> copy.put(
                key, isAccountKey(key) && value instanceof String number ? masked(number) : maskedValue(value)));
        return copy;
    }

    private static @Nullable Object maskedValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> nested = new LinkedHashMap<>();
            map.forEach((key, inner) -> nested.put(String.valueOf(key), inner));
            return maskedIn(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AccountNumbers::maskedValue).toList();
        }
        return value;
    }

    private static boolean isAccountKey(String key) {
        return ACCOUNT_KEYS.contains(key.toLowerCase(Locale.ROOT).replace("_", ""));
    }
}

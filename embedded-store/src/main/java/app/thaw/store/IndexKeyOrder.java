package app.thaw.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the library's unique-index maps, in the order the library's files already have,
 * found without serialising. The library opens those maps with H2's {@link ObjectDataType}, which
 * orders keys it does not know ({@link KeyValue}s) by their Java serialisation: every comparison of
 * a B-tree search serialised both keys through an {@code ObjectOutputStream} — a fifth of all the
 * CPU of a notification fan-out, in every insert's duplicate check and every index update.
 *
 * <p>For the common key, one string (an {@code _id} such as {@code "evt-1|endpoint|WEBHOOK"}),
 * that order can be had directly: two such keys serialise to the same bytes up to the string's
 * record, which is its length in modified UTF-8 (two bytes, big-endian) and then those bytes. So
 * they compare by that length first, then byte by byte, unsigned — exactly as the serialised forms
 * do ({@code IndexKeyOrderTests} checks that against the serialised comparison). Any other key, and
 * a string too long for that record, is compared as before. Writing and reading keys are
 * {@link ObjectDataType}'s, so the data file is the library's in every byte, and a file written
 * before (or by the library's own backend) keeps its order.
 */
final class IndexKeyOrder extends ObjectDataType {

    /** Longest modified UTF-8 length of a string Java serialisation writes in the short form compared here. */
    private static final int SHORT_STRING_BYTES = 0xFFFF;
    /**
     * The one string the serialised prefix of a key holds as an object (the type of KeyValue's
     * {@code values} field): serialisation may write an identical instance as a back-reference,
     * so a key holding this string is compared the slow, exact way.
     */
    private static final String PREFIX_TYPE_STRING = "Ljava/util/List;";

    @Override
    public int compare(Object a, Object b) {
        if (a != b && a instanceof KeyValue left && b instanceof KeyValue right) {
            String leftString = singleString(left);
            String rightString = singleString(right);
            if (leftString != null && rightString != null) {
                int order = compareAsSerialised(leftString, rightString);
                if (order != UNKNOWN) {
                    return order;
                }
            }
        }
        return super.compare(a, b);
    }

    private static final int UNKNOWN = Integer.MIN_VALUE;

    private static String singleString(KeyValue key) {
        return key.size() == 1 && key.get(0) instanceof String value && !PREFIX_TYPE_STRING.equals(value)
                ? value
                : null;
    }

    /** The order of the strings' serialised records, or {@link #UNKNOWN} if either is too long for the short record. */
    static int compareAsSerialised(String a, String b) {
        if (isPlainAscii(a) && isPlainAscii(b)) {
            // One byte per character: the length, then the characters, decide.
            if (a.length() != b.length()) {
                return a.length() < b.length() ? -1 : 1;
            }
            return Integer.signum(a.compareTo(b));
        }
        byte[] left = modifiedUtf8(a);
        byte[] right = modifiedUtf8(b);
        if (left == null || right == null) {
            return UNKNOWN;
        }
        if (left.length != right.length) {
            return left.length < right.length ? -1 : 1;
        }
        return ObjectDataType.compareNotNull(left, right);
    }

    /** Characters 1–127 only: each is one byte in modified UTF-8, and such a string is always short enough. */
    private static boolean isPlainAscii(String value) {
        if (value.length() > SHORT_STRING_BYTES) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The string as {@code DataOutput.writeUTF} writes it (without the length), or null if longer than it can. */
    private static byte[] modifiedUtf8(String value) {
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            length += c >= 1 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
        }
        if (length > SHORT_STRING_BYTES) {
            return null;
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 1 && c <= 0x7F) {
                bytes[at++] = (byte) c;
            } else if (c <= 0x7FF) {
                bytes[at++] = (byte) (0xC0 | (c >> 6));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                bytes[at++] = (byte) (0xE0 | (c >> 12));
                bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return bytes;
    }
}

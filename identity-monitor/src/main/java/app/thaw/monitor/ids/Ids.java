package app.thaw.monitor.ids;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.platform.idempotency.IdempotentEffects;

/**
 * Ids for what the monitor stores: a kind prefix and a time-ordered 12-byte id in hex
 * ({@code sub_6b04…}), so lists page in creation order. The 12 bytes are laid out as a MongoDB
 * ObjectId's (seconds, a per-process random part, a counter), without the driver: the prefix also
 * keeps Spring Data from taking the id for an ObjectId and converting it in queries.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROCESS = new byte[5];
    private static final AtomicInteger COUNTER;

    static {
        RANDOM.nextBytes(PROCESS);
        COUNTER = new AtomicInteger(RANDOM.nextInt());
    }

    private Ids() {}

    public static String next(String prefix) {
        byte[] bytes = new byte[12];
        int seconds = (int) Instant.now().getEpochSecond();
        bytes[0] = (byte) (seconds >>> 24);
        bytes[1] = (byte) (seconds >>> 16);
        bytes[2] = (byte) (seconds >>> 8);
        bytes[3] = (byte) seconds;
        System.arraycopy(PROCESS, 0, bytes, 4, 5);
        int count = COUNTER.getAndIncrement();
        bytes[9] = (byte) (count >>> 16);
        bytes[10] = (byte) (count >>> 8);
        bytes[11] = (byte) count;
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }

    /**
     * The id of what a request with an {@code Idempotency-Key} creates (ADR 56): the same on every run
     * of that request, and still time-ordered, by the time the key was first claimed.
     */
    public static String keyed(String prefix, IdempotentEffects.Key key) {
        return prefix + "_" + HexFormat.of().formatHex(key.timeOrderedBytes(prefix));
    }
}

package app.thaw.monitor.support;

import app.thaw.platform.idempotency.IdempotentEffects;
import org.bson.types.ObjectId;

/**
 * Ids for what the monitor stores: a kind prefix and a time-ordered ObjectId in hex
 * ({@code sub_6b04…}), so lists page in creation order. The prefix also keeps Spring Data from
 * taking the id for an ObjectId and converting it in queries.
 */
public final class Ids {

    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "_" + new ObjectId().toHexString();
    }

    /**
     * The id of what a request with an {@code Idempotency-Key} creates (ADR 56): the same on every run
     * of that request, and still time-ordered, by the time the key was first claimed.
     */
    public static String keyed(String prefix, IdempotentEffects.Key key) {
        return prefix + "_" + new ObjectId(key.timeOrderedBytes(prefix)).toHexString();
    }
}

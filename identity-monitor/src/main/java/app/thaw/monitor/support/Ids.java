package app.thaw.monitor.support;

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
}

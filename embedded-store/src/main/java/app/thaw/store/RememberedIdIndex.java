package app.thaw.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * The unique {@code _id} index, kept in the library's MVStore map (the data file is the library's)
 * and, whole, in memory. The stored map's keys are the library's {@code KeyValue}s, which H2
 * compares by serialising both sides with Java serialisation: each lookup serialised keys about
 * twenty times, and each insert looked its key up twice before adding it. This index answers every
 * lookup — by id, the duplicate checks of an insert — from a hash map filled from the stored map
 * when the collection opens, and only writes go to the stored map. The hash map changes only with
 * the stored one, in the same (synchronised) index operation, so the two always hold the same keys.
 * Memory: one entry per document of the collection (about 100 bytes for a short string id).
 */
final class RememberedIdIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> stored;
    /** Every key of the stored map, normalised as the library compares ids (1 and 1.0 are one id), with its position. */
    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    RememberedIdIndex(MVMap<KeyValue, Object> stored, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.stored = stored;
        for (Entry<KeyValue, Object> entry : stored.entrySet()) {
            positions.put(normalized(entry.getKey()), entry.getValue());
        }
    }

    /** A plain value: not an operator document, a list, or a regular expression. */
    static boolean isSingleValue(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>) && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    /** As the library normalises keys; a single string (most ids) is its own normal form, without a copy. */
    private static KeyValue normalized(KeyValue keyValue) {
        return keyValue.size() == 1 && keyValue.get(0) instanceof String ? keyValue : keyValue.normalized();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return positions.get(normalized(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        Object value = Missing.ofNullable(position);
        if (positions.putIfAbsent(normalized(keyValue), value) != null) {
            return false;
        }
        stored.put(keyValue, value);
        return true;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        positions.remove(normalized(keyValue));
        return stored.remove(keyValue);
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return stored.entrySet();
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        // The database removes the stored map with the index.
        positions.clear();
    }
}

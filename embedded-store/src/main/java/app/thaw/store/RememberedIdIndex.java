package app.thaw.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * The library's unique {@code _id} index with a memory of where each document is. The library's
 * index is an MVStore map whose keys H2 compares by serialising both sides with Java serialisation,
 * so each lookup by id serialised keys about twenty times; an update looks its document up twice.
 * This wrapper answers a lookup by a plain id from a hash map, and asks the index only for what it
 * does not know. The map changes only with the index — every add, remove and drop passes through
 * here — so it never answers a position the index would not; it holds what the index holds, no more.
 * The index itself, and so the data file, is unchanged.
 */
final class RememberedIdIndex extends Index<Object> {

    private final Index<Object> index;
    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    RememberedIdIndex(Index<Object> index) {
        super(index.getName(), index.getKeys(), false);
        this.index = index;
    }

    /** A plain value: not an operator document, a list, or a regular expression. */
    static boolean isSingleValue(Object value) {
        return value != null
                && !(value instanceof Document)
                && !(value instanceof Collection<?>)
                && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    /** The one key of a document with a plain {@code _id}; null for anything else (no id, several keys). */
    private KeyValue keyOf(Document document) {
        if (!isSingleValue(document.get("_id"))) {
            return null;
        }
        Set<KeyValue> keys = index.getKeyValues(document);
        return keys.size() == 1 ? keys.iterator().next() : null;
    }

    @Override
    public Object getPosition(Document document) {
        KeyValue key = keyOf(document);
        if (key == null) {
            return index.getPosition(document);
        }
        Object known = positions.get(key);
        if (known != null) {
            return known;
        }
        Object position = index.getPosition(document);
        if (position != null) {
            positions.put(key, position);
        }
        return position;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        if (query.size() == 1) {
            Object position = getPosition(query);
            if (position != null || keyOf(query) != null) {
                return position == null ? List.of() : List.of(position);
            }
        }
        return index.getPositions(query);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        index.add(document, position, collection);
        KeyValue key = keyOf(document);
        if (key != null) {
            positions.put(key, position);
        }
    }

    @Override
    public Object remove(Document document) {
        KeyValue key = keyOf(document);
        if (key != null) {
            positions.remove(key);
        }
        return index.remove(document);
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection)
            throws KeyConstraintError {
        // An update may not change _id (the library refuses it before this), so the position stays the document's.
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        positions.clear();
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }

    @Override
    public boolean hasSameOptions(Index<?> other) {
        return index.hasSameOptions(other instanceof RememberedIdIndex remembered ? remembered.index : other);
    }

    @Override
    public Document toIndexDescription() {
        return index.toIndexDescription();
    }
}

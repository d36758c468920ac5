package app.thaw.store;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 backend, with one change: a query that names a single {@code _id} value
 * looks that document up in the {@code _id} index even when it has other conditions too
 * ({@code {_id: x, status: "PENDING"}}), as MongoDB does. The library uses an index only when the
 * query has exactly the index's fields, so every conditional write by id (a claim, an outcome
 * recorded only under its claim) scanned the whole collection. The data file is the library's,
 * unchanged: same maps, same names.
 */
final class IdLookupH2Backend extends H2Backend {

    IdLookupH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    // An inner class: the library's constructor opens the existing collections before a subclass's
    // own fields are set, while the reference to the backend (and so its MVStore) is set first.
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new IdLookupCollection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    private static final class IdLookupCollection extends H2Collection {

        IdLookupCollection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> data,
                           MVMap<String, Object> meta, de.bwaldvogel.mongo.backend.CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                             Document fieldSelector) {
            Object id = query.get("_id");
            if (query.size() > 1 && isSingleValue(id)) {
                for (Index<Object> index : getIndexes()) {
                    if (index.isUnique() && isIdOnly(index.getKeys())) {
                        // The index gives the one candidate; the whole query is still matched against it.
                        return matchDocuments(query, index.getPositions(new Document("_id", id)), orderBy, numberToSkip, limit,
                                batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        private static boolean isIdOnly(List<IndexKey> keys) {
            return keys.size() == 1 && keys.getFirst().getKey().equals("_id");
        }

        /** A plain value: not an operator document, a list, or a regular expression. */
        private static boolean isSingleValue(Object id) {
            return id != null && !(id instanceof Document) && !(id instanceof Collection<?>) && !(id instanceof Pattern)
                    && !BsonRegularExpression.isRegularExpression(id);
        }
    }
}

package app.thaw.store;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with these changes, all to how it finds; the data file is the
 * library's, unchanged: same maps, same names, same bytes.
 * <ul>
 * <li>Unique-index keys that are one string are compared without Java-serialising them
 * ({@link IndexKeyOrder}), in the order the library's maps already have.</li>
 * <li>A query that names a single {@code _id} value looks that document up in the {@code _id}
 * index even when it has other conditions too ({@code {_id: x, status: "PENDING"}}), as MongoDB
 * does. The library uses an index only when the query has exactly the index's fields, so every
 * conditional write by id (a claim, an outcome recorded only under its claim) scanned the whole
 * collection.</li>
 * <li>Lookups by a plain {@code _id} are answered from memory ({@link RememberedIdIndex}) instead of
 * the library's index map, whose every comparison serialises both keys.</li>
 * <li>A find that scans the collection (no index serves it) runs without the collection's lock.
 * The library serialises every operation on a collection, so a scan of 100,000 pending timers
 * held up every claim and write on them for its whole length, up to a second. The data map is an
 * MVStore map, whose readers see a consistent version without locking, and a write replaces a
 * document rather than changing it in place, so a scan sees each document before or after a
 * concurrent write — what MongoDB promises a read outside a transaction. Finds served by an index
 * keep the lock: they are short, and they read the index and the data map in two steps.</li>
 * </ul>
 */
final class IdLookupH2Backend extends H2Backend {

    /**
     * The MVStore's page cache: documents whose pages are not in it are read back from the file and
     * deserialised at each access. H2's default (16 MB) held a few tens of thousands of deliveries;
     * beyond that every claim and outcome read pages from the file. A quarter of the heap, at most
     * 256 MB and at least H2's default: the store runs with small heaps too ({@code ./thaw up} gives
     * it 512 MB, the system tests 256 MB, a service's in-process store shares the service's heap).
     */
    static int cacheMegabytes(long maxHeapBytes) {
        long quarter = maxHeapBytes / 4 / (1024 * 1024);
        return (int) Math.max(16, Math.min(256, quarter));
    }

    IdLookupH2Backend(String fileName) {
        super(new MVStore.Builder()
                .fileName(fileName)
                .cacheSize(cacheMegabytes(Runtime.getRuntime().maxMemory()))
                .open());
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

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // Opened here first with keys compared without serialising, the library's own openMap(name) finds it open.
            // The name is the library's (it builds it privately): same map, same file.
            getMvStore()
                    .openMap(
                            getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                            new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
            Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            return isIdOnly(keys) && !sparse ? new RememberedIdIndex(index) : index;
        }
    }

    private static final class IdLookupCollection extends H2Collection {

        IdLookupCollection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> data,
                MVMap<String, Object> meta,
                de.bwaldvogel.mongo.backend.CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        /** As the library's, whose lock this class's parent adds, except that a scan takes no lock. */
        @Override
        public QueryResult handleQuery(QueryParameters parameters) {
            Document selector = parameters.getQuerySelector();
            Document query = selector;
            Document orderBy = null;
            // The legacy wrapped forms the library accepts: {query, orderby} and {$query, $orderby}.
            for (String[] wrapped : new String[][] {{"query", "orderby"}, {"$query", "$orderby"}}) {
                if (selector.containsKey(wrapped[0])) {
                    query = (Document) selector.get(wrapped[0]);
                    orderBy = (Document) selector.get(wrapped[1]);
                    break;
                }
            }
            if (query.containsKey("_id") || servedByIndex(query)) {
                return super.handleQuery(parameters);
            }
            return queryDocuments(
                    query,
                    orderBy,
                    parameters.getNumberToSkip(),
                    parameters.getLimit(),
                    parameters.getBatchSize(),
                    parameters.getProjection());
        }

        private boolean servedByIndex(Document query) {
            return getIndexes().stream().anyMatch(index -> index.canHandle(query));
        }

        /**
         * The library's query, with two changes: a single {@code _id} with further conditions is looked
         * up in the {@code _id} index; and what it answers are copies. The library's update changes the
         * document it found in place before storing it again, and what it found is the instance the
         * data map holds — the one a concurrent find without the lock may be reading, or the wire
         * encoder writing out. Updating a copy leaves every stored instance as it was once stored.
         */
        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            return copies(find(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
        }

        private QueryResult find(
                Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            Object id = query.get("_id");
            if (query.size() > 1 && RememberedIdIndex.isSingleValue(id)) {
                for (Index<Object> index : getIndexes()) {
                    if (index.isUnique() && isIdOnly(index.getKeys())) {
                        // The index gives the one candidate; the whole query is still matched against it.
                        return matchDocuments(
                                query,
                                index.getPositions(new Document("_id", id)),
                                orderBy,
                                numberToSkip,
                                limit,
                                batchSize,
                                fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** The first batch copied; the rest of a large answer waits in its cursor as found (read later, not updated). */
        private static QueryResult copies(QueryResult found) {
            List<Document> copies = new ArrayList<>();
            for (Document document : found) {
                copies.add(document.cloneDeeply());
            }
            return new QueryResult(copies, found.getCursorId());
        }
    }

    private static boolean isIdOnly(List<IndexKey> keys) {
        return keys.size() == 1 && keys.getFirst().getKey().equals("_id");
    }
}

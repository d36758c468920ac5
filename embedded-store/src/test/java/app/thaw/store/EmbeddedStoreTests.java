package app.thaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreTests {

    @TempDir
    Path folder;

    @Test
    void dataSurvivesARestartOfTheStore() {
        Path dataFile = folder.resolve("nested/store.mv");

        try (EmbeddedStore store = EmbeddedStore.start(dataFile, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString("cases"))) {
            client.getDatabase("cases")
                    .getCollection("notes")
                    .insertOne(new Document("_id", "n1").append("text", "kept"));
        }

        try (EmbeddedStore reopened = EmbeddedStore.start(dataFile, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(reopened.connectionString("cases"))) {
            Document found = client.getDatabase("cases")
                    .getCollection("notes")
                    .find(Filters.eq("_id", "n1"))
                    .first();
            assertThat(found).isNotNull();
            assertThat(found.getString("text")).isEqualTo("kept");
        }
    }

    @Test
    void eachDatabaseOnOneStoreIsSeparate() {
        try (EmbeddedStore store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString(""))) {
            client.getDatabase("cases").getCollection("items").insertOne(new Document("_id", 1));

            assertThat(client.getDatabase("evidence").getCollection("items").countDocuments())
                    .isZero();
            assertThat(client.getDatabase("cases").getCollection("items").countDocuments())
                    .isEqualTo(1);
        }
    }

    /**
     * Spring Boot's own Mongo health indicator sends {@code hello}, which this store does not know;
     * the platform's store health indicator sends {@code ping}, which both it and MongoDB answer.
     * If a later mongo-java-server learns {@code hello}, this test says the workaround can go.
     */
    @Test
    void answersPingButNotHelloSoReadinessMustPing() {
        try (EmbeddedStore store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString("cases"))) {
            Document reply = client.getDatabase("cases").runCommand(new Document("ping", 1));
            assertThat(reply.get("ok")).isIn(1, 1.0);

            assertThatThrownBy(() -> client.getDatabase("cases").runCommand(new Document("hello", 1)))
                    .isInstanceOf(MongoCommandException.class)
                    .hasMessageContaining("no such command");
        }
    }

    @Test
    void aQueryByIdWithFurtherConditionsMatchesThemAllAndSurvivesAReopenWithTheLibrarysOwnBackend() {
        Path dataFile = folder.resolve("store.mv");
        try (EmbeddedStore store = EmbeddedStore.start(dataFile, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString("notifications"))) {
            var deliveries = client.getDatabase("notifications").getCollection("deliveries");
            deliveries.insertOne(
                    new Document("_id", "d1").append("status", "PENDING").append("attempts", 0));
            deliveries.insertOne(
                    new Document("_id", "d2").append("status", "SENDING").append("attempts", 1));

            assertThat(deliveries
                            .find(new Document("_id", "d1").append("status", "SENDING"))
                            .first())
                    .isNull();
            Document claimed = deliveries.findOneAndUpdate(
                    new Document("_id", "d1")
                            .append("status", new Document("$in", java.util.List.of("PENDING", "RETRYING"))),
                    new Document("$set", new Document("status", "SENDING")).append("$inc", new Document("attempts", 1)),
                    new com.mongodb.client.model.FindOneAndUpdateOptions()
                            .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
            assertThat(claimed).containsEntry("status", "SENDING").containsEntry("attempts", 1);
            assertThat(deliveries
                            .deleteOne(new Document("_id", "d2").append("status", "PENDING"))
                            .getDeletedCount())
                    .isZero();
            assertThat(deliveries
                            .deleteOne(new Document("_id", "d2").append("status", "SENDING"))
                            .getDeletedCount())
                    .isOne();
        }
        // The data file is the library's: its own backend reads it.
        var libraryBackend = new de.bwaldvogel.mongo.backend.h2.H2Backend(dataFile.toString());
        try {
            var collection = libraryBackend.resolveDatabase("notifications").resolveCollection("deliveries", false);
            assertThat(collection.count()).isEqualTo(1);
        } finally {
            libraryBackend.close();
        }
    }

    /**
     * A query naming one {@code _id} with further conditions reads that one document, not the
     * collection. Shown without timing: a stray document is written straight into the data map
     * under a key of its own, absent from the {@code _id} index, with the same {@code _id} field and
     * status as a real one. A scan matches both; a lookup through the index finds only the real one.
     * The library's own backend scans for such a query (both match); this store looks it up.
     */
    @Test
    void aQueryByIdWithFurtherConditionsLooksTheDocumentUpInsteadOfScanning() {
        String file = folder.resolve("store.mv").toString();
        IdLookupH2Backend backend = new IdLookupH2Backend(file);
        try {
            MongoCollection<?> timers = backend.resolveDatabase("timers").createCollectionOrThrowIfExists("timers");
            for (int i = 0; i < 100; i++) {
                timers.addDocument(new de.bwaldvogel.mongo.bson.Document("_id", "t-" + i)
                        .append("key", "t-" + i)
                        .append("status", "SCHEDULED"));
            }
        } finally {
            backend.close();
        }
        try (org.h2.mvstore.MVStore raw = org.h2.mvstore.MVStore.open(file)) {
            org.h2.mvstore.MVMap<Object, de.bwaldvogel.mongo.bson.Document> data =
                    raw.openMap("databases.timers.timers");
            data.put(
                    "stray",
                    new de.bwaldvogel.mongo.bson.Document("_id", "t-7")
                            .append("key", "t-7")
                            .append("status", "SCHEDULED"));
        }
        de.bwaldvogel.mongo.bson.Document byIdAndStatus =
                new de.bwaldvogel.mongo.bson.Document("_id", "t-7").append("status", "SCHEDULED");
        de.bwaldvogel.mongo.bson.Document byKeyAndStatus =
                new de.bwaldvogel.mongo.bson.Document("key", "t-7").append("status", "SCHEDULED");

        de.bwaldvogel.mongo.backend.h2.H2Backend library = new de.bwaldvogel.mongo.backend.h2.H2Backend(file);
        try {
            var timers = library.resolveDatabase("timers").resolveCollection("timers", true);
            assertThat(timers.count(byIdAndStatus, 0, 0))
                    .as("the library scans")
                    .isEqualTo(2);
        } finally {
            library.close();
        }
        IdLookupH2Backend reopened = new IdLookupH2Backend(file);
        try {
            var timers = reopened.resolveDatabase("timers").resolveCollection("timers", true);
            assertThat(timers.count(byKeyAndStatus, 0, 0)).as("a scan").isEqualTo(2);
            assertThat(timers.count(byIdAndStatus, 0, 0))
                    .as("by _id with a condition")
                    .isEqualTo(1);
        } finally {
            reopened.close();
        }
    }

    /**
     * Lookups by id are answered from memory (RememberedIdIndex): what it remembers must follow every
     * delete and insert, and ids equal as MongoDB compares them (1, 1L, 1.0) must find one document.
     */
    @Test
    void lookupsByIdFollowDeletesAndReinsertsAndCompareNumbersAsMongoDbDoes() {
        try (EmbeddedStore store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString("cases"))) {
            var items = client.getDatabase("cases").getCollection("items");
            items.insertOne(new Document("_id", "a").append("v", 1));
            assertThat(items.find(Filters.eq("_id", "a")).first()).containsEntry("v", 1);
            items.deleteOne(Filters.eq("_id", "a"));
            assertThat(items.find(Filters.eq("_id", "a")).first()).isNull();
            assertThat(items.updateOne(
                                    new Document("_id", "a").append("v", 1), new Document("$set", new Document("v", 9)))
                            .getMatchedCount())
                    .isZero();

            items.insertOne(new Document("_id", "a").append("v", 2));
            assertThat(items.updateOne(
                                    new Document("_id", "a").append("v", 2), new Document("$set", new Document("v", 3)))
                            .getMatchedCount())
                    .isOne();
            assertThat(items.find(Filters.eq("_id", "a")).first()).containsEntry("v", 3);
            assertThatThrownBy(() -> items.insertOne(new Document("_id", "a"))).hasMessageContaining("duplicate key");

            items.insertOne(new Document("_id", 1).append("v", "number"));
            assertThat(items.find(Filters.eq("_id", 1L)).first()).containsEntry("v", "number");
            assertThat(items.find(new Document("_id", 1.0).append("v", "number"))
                            .first())
                    .isNotNull();
            assertThatThrownBy(() -> items.insertOne(new Document("_id", 1L))).hasMessageContaining("duplicate key");
            assertThat(items.countDocuments()).isEqualTo(2);
        }
    }

    /**
     * A long scan (the timers' look-ahead over every pending timer) must not hold up writes and
     * lookups by id. The test holds the collection's lock itself, as a long operation would: a find
     * that scans still answers, a find by id waits for the lock.
     */
    @Test
    void aScanDoesNotWaitForTheCollectionsLockWhileALookupByIdDoes() throws Exception {
        IdLookupH2Backend backend =
                new IdLookupH2Backend(folder.resolve("store.mv").toString());
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        java.net.InetSocketAddress address = server.bind();
        // Own threads: the common pool may have only one, which the waiting lookup would hold.
        try (MongoClient client =
                        MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
                var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var timers = client.getDatabase("notifications").getCollection("timers");
            timers.insertOne(new Document("_id", "t-1").append("status", "SCHEDULED"));
            timers.insertOne(new Document("_id", "t-2").append("status", "FIRED"));
            Object collection = backend.resolveDatabase("notifications").resolveCollection("timers", true);

            var lookup = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> timers.find(Filters.eq("_id", "t-1")).first(), threads);
            var lookupWaited = new java.util.concurrent.atomic.AtomicBoolean();
            Document scanned;
            synchronized (collection) {
                // A scan, with a condition and an order, while the lock is held here.
                scanned = java.util.concurrent.CompletableFuture.supplyAsync(
                                () -> timers.find(Filters.eq("status", "SCHEDULED"))
                                        .sort(new Document("_id", 1))
                                        .first(),
                                threads)
                        .get(30, java.util.concurrent.TimeUnit.SECONDS);
                lookupWaited.set(!lookup.isDone());
            }
            assertThat(scanned).containsEntry("_id", "t-1");
            assertThat(lookupWaited).as("the lookup by id waited for the lock").isTrue();
            assertThat(lookup.get(30, java.util.concurrent.TimeUnit.SECONDS)).containsEntry("status", "SCHEDULED");
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * Finds that scan run beside updates: every document a scan answers must be whole, as stored by
     * one update or the next. (The library updates the stored instance in place; a scan that took it
     * without the lock failed to encode it, or answered half an update.)
     */
    @Test
    void scansBesideUpdatesAnswerWholeDocuments() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString("timers"));
                var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var timers = client.getDatabase("timers").getCollection("timers");
            for (int i = 0; i < 50; i++) {
                Document timer = new Document("_id", "t-" + i).append("round", 0);
                for (int field = 0; field < 20; field++) {
                    timer.append("f" + field, 0);
                }
                timers.insertOne(timer);
            }
            java.util.concurrent.Callable<Void> updates = () -> {
                for (int round = 1; round <= 40; round++) {
                    Document set = new Document("round", round);
                    for (int field = 0; field < 20; field++) {
                        set.append("f" + field, round);
                    }
                    for (int i = 0; i < 50; i++) {
                        timers.updateOne(Filters.eq("_id", "t-" + i), new Document("$set", set));
                    }
                }
                return null;
            };
            java.util.concurrent.Callable<Void> scans = () -> {
                for (int scan = 0; scan < 150; scan++) {
                    for (Document timer : timers.find(Filters.gte("round", 0))) {
                        Object round = timer.get("round");
                        for (int field = 0; field < 20; field++) {
                            assertThat(timer.get("f" + field))
                                    .as("field %d of %s", field, timer.get("_id"))
                                    .isEqualTo(round);
                        }
                    }
                }
                return null;
            };
            for (var done : threads.invokeAll(java.util.List.of(updates, scans, scans, scans))) {
                done.get();
            }
        }
    }

    @Test
    void thePageCacheIsAQuarterOfTheHeapWithinH2sDefaultAnd256Megabytes() {
        long megabyte = 1024 * 1024;
        assertThat(IdLookupH2Backend.cacheMegabytes(256 * megabyte)).isEqualTo(64);
        assertThat(IdLookupH2Backend.cacheMegabytes(32 * megabyte)).isEqualTo(16);
        assertThat(IdLookupH2Backend.cacheMegabytes(8192 * megabyte)).isEqualTo(256);
    }

    @Test
    void optionsFallBackToDefaults() {
        String[] args = {"--port", "27999"};
        assertThat(EmbeddedStoreMain.option(args, "--port", "27018")).isEqualTo("27999");
        assertThat(EmbeddedStoreMain.option(args, "--host", "127.0.0.1")).isEqualTo("127.0.0.1");
    }
}

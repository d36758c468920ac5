package app.thaw.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.platform.store.BulkUpdates.Matched;
import app.thaw.store.EmbeddedStore;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Updates issued together share round trips, and each caller still hears its own outcome. On the
 * embedded store here, on a real MongoDB in {@link BulkUpdatesOnMongoDbTests} where Docker is available.
 */
class BulkUpdatesTests {

    static final String ITEMS = "items";

    @TempDir
    Path folder;

    EmbeddedStore store;
    MongoClient client;
    ReactiveMongoTemplate mongo;
    /** Update commands the store received: one per round trip, however many updates each carries. */
    final AtomicInteger updateCommands = new AtomicInteger();

    /** The store the tests run on: the embedded store in a fresh file; {@link BulkUpdatesOnMongoDbTests} runs them on MongoDB. */
    String storeConnectionString() {
        store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
        return store.connectionString("");
    }

    @BeforeEach
    void startStore() {
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    updateCommands.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(storeConnectionString()))
                .addCommandListener(counter)
                .build());
        // A database of its own for each test: a real MongoDB (BulkUpdatesOnMongoDbTests) is shared by the tests.
        mongo = new ReactiveMongoTemplate(
                client, "bulk-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        mongo.insert(
                        Flux.range(0, 200)
                                .map(i -> new Document("_id", "item-" + i)
                                        .append("status", "PENDING")
                                        .append("n", i))
                                .collectList()
                                .block(),
                        ITEMS)
                .blockLast();
    }

    @AfterEach
    void stopStore() {
        client.close();
        if (store != null) {
            store.close();
        }
    }

    static Query pending(String id) {
        return Query.query(Criteria.where("_id").is(id).and("status").is("PENDING"));
    }

    @Test
    void aLoneUpdateIsWrittenAtOnceAndTellsWhetherItMatched() {
        BulkUpdates updates = new BulkUpdates(mongo, ITEMS, 64);

        StepVerifier.create(updates.updateOne(pending("item-1"), new Update().set("status", "SENDING")))
                .expectNext(Matched.YES)
                .verifyComplete();
        StepVerifier.create(updates.updateOne(pending("item-1"), new Update().set("status", "SENDING")))
                .expectNext(Matched.NO)
                .verifyComplete();

        assertThat(mongo.findById("item-1", Document.class, ITEMS).block()).containsEntry("status", "SENDING");
        assertThat(updateCommands).hasValue(2);
    }

    @Test
    void updatesAskedForTogetherShareRoundTripsAndAllAreWritten() {
        BulkUpdates updates = new BulkUpdates(mongo, ITEMS, 64);

        List<Matched> answers = Flux.range(0, 200)
                .flatMap(
                        i -> updates.updateOne(
                                pending("item-" + i),
                                new Update().set("status", "SENDING").inc("n", 1000)),
                        200)
                .collectList()
                .block();

        assertThat(answers).hasSize(200).containsOnly(Matched.YES);
        assertThat(mongo.count(
                                Query.query(Criteria.where("status")
                                        .is("SENDING")
                                        .and("n")
                                        .gte(1000)),
                                ITEMS)
                        .block())
                .isEqualTo(200);
        // The first goes alone; the rest gather while it is on its way, at most 64 to a write.
        assertThat(updateCommands.get()).isBetween(4, 100);
    }

    /** Whether or not they shared a write, no caller is told a wrong answer: yes, no, or "unknown" when a shared write was mixed. */
    @Test
    void eachCallerHearsItsOwnOutcomeOrUnknownNeverAWrongOne() {
        BulkUpdates updates = new BulkUpdates(mongo, ITEMS, 64);
        mongo.updateMulti(Query.query(Criteria.where("n").lt(100)), new Update().set("status", "DONE"), ITEMS)
                .block();

        List<Integer> wrong = Flux.range(0, 200)
                .flatMap(
                        i -> updates.updateOne(pending("item-" + i), new Update().set("status", "SENDING"))
                                .map(answer ->
                                        answer == Matched.UNKNOWN || answer == (i >= 100 ? Matched.YES : Matched.NO)
                                                ? -1
                                                : i),
                        200)
                .filter(i -> i >= 0)
                .collectList()
                .block();

        assertThat(wrong).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("status").is("SENDING")), ITEMS)
                        .block())
                .isEqualTo(100);
    }

    @Test
    void anUpdateTheStoreRefusesFailsAloneAndTheOthersAreWritten() {
        BulkUpdates updates = new BulkUpdates(mongo, ITEMS, 64);
        mongo.updateFirst(Query.query(Criteria.where("_id").is("item-7")), new Update().set("n", "not a number"), ITEMS)
                .block();

        List<String> outcomes = Flux.range(0, 20)
                .flatMap(
                        i -> updates.updateOne(
                                        Query.query(Criteria.where("_id").is("item-" + i)), new Update().inc("n", 1))
                                .map(answer -> "item-" + i + ":" + answer)
                                .onErrorResume(failure -> Mono.just("item-" + i + ":error")),
                        20)
                .collectList()
                .block();

        assertThat(outcomes)
                .contains("item-7:error")
                .doesNotContain("item-6:error", "item-8:error")
                .hasSize(20);
        assertThat(mongo.findById("item-8", Document.class, ITEMS).block()).containsEntry("n", 9);
        assertThat(mongo.findById("item-7", Document.class, ITEMS).block()).containsEntry("n", "not a number");
    }
}

package app.thaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
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
            client.getDatabase("cases").getCollection("notes").insertOne(new Document("_id", "n1").append("text", "kept"));
        }

        try (EmbeddedStore reopened = EmbeddedStore.start(dataFile, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(reopened.connectionString("cases"))) {
            Document found = client.getDatabase("cases").getCollection("notes").find(Filters.eq("_id", "n1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("text")).isEqualTo("kept");
        }
    }

    @Test
    void eachDatabaseOnOneStoreIsSeparate() {
        try (EmbeddedStore store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString(""))) {
            client.getDatabase("cases").getCollection("items").insertOne(new Document("_id", 1));

            assertThat(client.getDatabase("evidence").getCollection("items").countDocuments()).isZero();
            assertThat(client.getDatabase("cases").getCollection("items").countDocuments()).isEqualTo(1);
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
    void optionsFallBackToDefaults() {
        String[] args = {"--port", "27999"};
        assertThat(EmbeddedStoreMain.option(args, "--port", "27018")).isEqualTo("27999");
        assertThat(EmbeddedStoreMain.option(args, "--host", "127.0.0.1")).isEqualTo("127.0.0.1");
    }
}

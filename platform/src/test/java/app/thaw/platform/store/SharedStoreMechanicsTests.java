package app.thaw.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.InvalidField;
import app.thaw.platform.problem.NotFound;
import app.thaw.store.EmbeddedStore;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** The store mechanics every service shares: versioned writes, cursor pages and indexes made before serving. */
class SharedStoreMechanicsTests {

    static final String THINGS = "things";
    /** Documents kept one per tenant under the tenant's id. */
    static final String SETTINGS = "tenant_settings";

    @TempDir
    Path folder;

    EmbeddedStore store;
    MongoClient client;
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void startStore() {
        store = EmbeddedStore.start(folder.resolve("store.mv"), "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString(""));
        mongo = new ReactiveMongoTemplate(client, "shared");
        mongo.insert(
                        List.of(
                                new Document("_id", "t-1")
                                        .append("tenantId", "acme")
                                        .append("version", 1L)
                                        .append("name", "one"),
                                new Document("_id", "t-2")
                                        .append("tenantId", "acme")
                                        .append("version", 1L)
                                        .append("name", "two"),
                                new Document("_id", "t-3")
                                        .append("tenantId", "acme")
                                        .append("version", 1L)
                                        .append("name", "three"),
                                new Document("_id", "g-1")
                                        .append("tenantId", "globex")
                                        .append("version", 1L)
                                        .append("name", "theirs")),
                        THINGS)
                .blockLast();
    }

    @AfterEach
    void stopStore() {
        client.close();
        store.close();
    }

    @Test
    void aReadByIdNamesTheTenantSoAnotherTenantsDocumentIsNotFound() {
        assertThat(VersionedWrites.get(mongo, THINGS, "thing", "acme", "t-1")
                        .block()
                        .getString("name"))
                .isEqualTo("one");
        assertThatThrownBy(() -> VersionedWrites.get(mongo, THINGS, "thing", "acme", "g-1")
                        .block())
                .isInstanceOf(NotFound.class)
                .hasMessage("There is no thing 'g-1' here.");
    }

    @Test
    void aWriteAppliesOnlyAtTheVersionReadAndNeverToAnotherTenant() {
        Document written = VersionedWrites.update(
                        mongo, THINGS, "thing", "acme", "t-1", 1, new Update().set("name", "uno"))
                .block();
        assertThat(written.getString("name")).isEqualTo("uno");
        assertThat(written.get("version", Number.class).longValue()).isEqualTo(2);

        assertThatThrownBy(() -> VersionedWrites.update(
                                mongo, THINGS, "thing", "acme", "t-1", 1, new Update().set("name", "lost"))
                        .block())
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> VersionedWrites.update(
                                mongo, THINGS, "thing", "acme", "g-1", 1, new Update().set("name", "stolen"))
                        .block())
                .isInstanceOf(NotFound.class);
        assertThat(mongo.findById("g-1", Document.class, THINGS).block().getString("name"))
                .isEqualTo("theirs");
        assertThat(mongo.findById("t-1", Document.class, THINGS).block().getString("name"))
                .isEqualTo("uno");
    }

    /** A put of the thing {@code id} of {@code tenant} named {@code name}, written over {@code version}. */
    private Mono<Document> put(String tenant, String id, long version, String name) {
        return VersionedWrites.put(mongo, THINGS, "thing", tenant, id, version, new Document("name", name));
    }

    @Test
    void aPutCreatesAtVersionZeroOnceAndThenWritesOnlyAtTheVersionRead() {
        Document created = put("acme", "p-1", 0, "first").block();
        assertThat(created.getString("tenantId")).isEqualTo("acme");
        assertThat(created.get("version", Number.class).longValue()).isEqualTo(1);
        // A second create (another writer that also read "none") conflicts instead of overwriting.
        assertThatThrownBy(() -> put("acme", "p-1", 0, "again").block())
                .isInstanceOf(OptimisticLockingFailureException.class);

        Document written = put("acme", "p-1", 1, "second").block();
        assertThat(written.getString("name")).isEqualTo("second");
        assertThat(written.get("version", Number.class).longValue()).isEqualTo(2);
        assertThatThrownBy(() -> put("acme", "p-1", 1, "lost").block())
                .isInstanceOf(OptimisticLockingFailureException.class);
        // Another tenant's document of that id is not there for this tenant.
        assertThatThrownBy(() -> put("globex", "p-1", 2, "stolen").block()).isInstanceOf(NotFound.class);
        assertThat(mongo.findById("p-1", Document.class, THINGS).block().getString("name"))
                .isEqualTo("second");
    }

    /** The page of acme's things that {@code request} asks for, as a store reads it. */
    private List<Document> acmeThings(CursorPage.Request request) {
        return mongo.find(request.query(Criteria.where("tenantId").is("acme")), Document.class, THINGS)
                .collectList()
                .block();
    }

    @Test
    void pagesReadOnAfterTheCursorUntilTheLastHasNone() {
        CursorPage.Request first = CursorPage.Request.of(null, 2);
        List<Document> read = acmeThings(first);
        CursorPage<String> page =
                first.page(read, document -> document.getString("_id")).map(document -> document.getString("name"));
        assertThat(page.items()).containsExactly("one", "two");
        assertThat(page.nextCursor()).isEqualTo("t-2");

        CursorPage.Request next = CursorPage.Request.of(page.nextCursor(), 2);
        List<Document> rest = acmeThings(next);
        CursorPage<Document> last = next.page(rest, document -> document.getString("_id"));
        assertThat(last.items())
                .extracting(document -> document.getString("name"))
                .containsExactly("three");
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void newestFirstReadsBackwardsFromBeforeTheCursor() {
        Criteria acme = Criteria.where("tenantId").is("acme");
        assertThat(mongo.find(CursorPage.newestFirst(acme, null, 2), Document.class, THINGS)
                        .map(document -> document.getString("name"))
                        .collectList()
                        .block())
                .containsExactly("three", "two");
        assertThat(mongo.find(
                                CursorPage.newestFirst(
                                        Criteria.where("tenantId").is("acme"), "t-2", 2),
                                Document.class,
                                THINGS)
                        .map(document -> document.getString("name"))
                        .collectList()
                        .block())
                .containsExactly("one");
    }

    @Test
    void aPageSizeOutsideTheRangeIsRefusedNamingTheFieldNotClamped() {
        assertThat(CursorPage.Request.of(" ", null).limit()).isEqualTo(CursorPage.DEFAULT_LIMIT);
        assertThat(CursorPage.Request.of(" ", null).cursor()).isNull();
        assertThat(CursorPage.Request.of(null, 100).limit()).isEqualTo(100);
        for (int wrong : new int[] {0, -1, 101, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> CursorPage.Request.of(null, wrong))
                    .isInstanceOfSatisfying(
                            InvalidField.class,
                            problem -> assertThat(problem.properties().get("errors"))
                                    .isEqualTo(List.of(new FieldViolation(
                                            "limit", "Range", "must be between 1 and 100 (was " + wrong + ")"))));
        }
        assertThatThrownBy(() -> CursorPage.Request.of(null, 201, 200)).isInstanceOf(InvalidField.class);
        assertThat(CursorPage.Request.of(null, 200, 200).limit()).isEqualTo(200);
    }

    @Test
    void indexesAreMadeBeforeTheStartGoesOnAndAStoreStillStartingIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean made = new AtomicBoolean();
        IndexedStore slowToStart = () -> Mono.defer(() -> attempts.incrementAndGet() < 3
                ? Mono.error(new IllegalStateException("store not up yet"))
                : Mono.delay(Duration.ofMillis(200))
                        .doOnNext(tick -> made.set(true))
                        .then());
        IndexedStore real = () -> mongo.indexOps(THINGS)
                .createIndex(new org.springframework.data.mongodb.core.index.Index()
                        .on("tenantId", org.springframework.data.domain.Sort.Direction.ASC)
                        .named("by_tenant"))
                .then();

        indexesOf(slowToStart, real).afterSingletonsInstantiated();

        // It returned only once both were done: the server starts after this.
        assertThat(made).isTrue();
        assertThat(attempts).hasValue(3);
        assertThat(mongo.indexOps(THINGS)
                        .getIndexInfo()
                        .map(info -> info.getName())
                        .collectList()
                        .block())
                .contains("by_tenant");
    }

    @Test
    void aStoreThatCannotMakeItsIndexesStopsTheStart() {
        IndexedStore broken = () -> Mono.error(new IllegalStateException("no store"));
        assertThatThrownBy(() -> indexesOf(broken).afterSingletonsInstantiated())
                .hasMessageContaining("no store");
    }

    @Test
    void settingsStoredBeforeTheyNamedTheirTenantAreNamedOnceKeepingTheirVersionAndThenWrittenAtIt() {
        mongo.insert(
                        List.of(
                                new Document("_id", "acme")
                                        .append("version", 3L)
                                        .append("language", "en"),
                                new Document("_id", "globex")
                                        .append("tenantId", "globex")
                                        .append("version", 1L)
                                        .append("language", "zh-CN")),
                        SETTINGS)
                .blockLast();
        // Not named yet, the tenant's own settings are not there for a write that names the tenant.
        assertThatThrownBy(() -> VersionedWrites.put(
                                mongo, SETTINGS, "settings", "acme", "acme", 3, new Document("language", "zh-CN"))
                        .block())
                .isInstanceOf(NotFound.class);

        assertThat(VersionedWrites.nameTheTenantOfTenantKeyed(mongo, SETTINGS).block())
                .isEqualTo(1);
        Document named = mongo.findById("acme", Document.class, SETTINGS).block();
        assertThat(named.getString("tenantId")).isEqualTo("acme");
        assertThat(named.get("version", Number.class).longValue()).isEqualTo(3);
        assertThat(named.getString("language")).isEqualTo("en");
        assertThat(VersionedWrites.nameTheTenantOfTenantKeyed(mongo, SETTINGS).block())
                .isZero();

        Document written = VersionedWrites.putTenantKeyed(
                        mongo, SETTINGS, "settings", "acme", 3, new Document("language", "zh-CN"))
                .block();
        assertThat(written.get("version", Number.class).longValue()).isEqualTo(4);
        assertThat(written.getString("language")).isEqualTo("zh-CN");
    }

    @Test
    void settingsWrittenAtAVersionWhenNoneAreStoredAreStaleNotMissing() {
        assertThatThrownBy(() -> VersionedWrites.putTenantKeyed(
                                mongo, SETTINGS, "settings", "initech", 2, new Document("language", "en"))
                        .block())
                .isInstanceOf(OptimisticLockingFailureException.class);
        Document created = VersionedWrites.putTenantKeyed(
                        mongo, SETTINGS, "settings", "initech", 0, new Document("language", "en"))
                .block();
        assertThat(created.getString("_id")).isEqualTo("initech");
        assertThat(created.getString("tenantId")).isEqualTo("initech");
    }

    private static StoreIndexes indexesOf(IndexedStore... stores) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        for (int i = 0; i < stores.length; i++) {
            beans.registerSingleton("store" + i, stores[i]);
        }
        return new StoreIndexes(
                beans.getBeanProvider(IndexedStore.class),
                Retry.backoff(3, Duration.ofMillis(10)),
                Duration.ofSeconds(10));
    }
}

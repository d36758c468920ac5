package app.thaw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unique-index keys compared without serialising must keep the order H2 gives them by serialising:
 * the library's data files (and ours before) hold their index B-trees in that order, so any other
 * order would lose keys in them — and with them the refusal of a duplicate {@code _id}.
 */
class IndexKeyOrderTests {

    @TempDir
    Path folder;

    private final IndexKeyOrder order = new IndexKeyOrder();

    /** The order the library's maps use: H2's ObjectDataType, which serialises keys it does not know and compares the bytes. */
    private static int serialisedOrder(Object a, Object b) {
        return Integer.signum(new ObjectDataType().compare(a, b));
    }

    private static List<Object> sampleKeys() {
        Random random = new Random(20261205);
        List<Object> keys = new ArrayList<>();
        for (String value : List.of(
                "",
                "a",
                "b",
                "aa",
                "ab",
                "Z",
                "evt-1|ep-1|WEBHOOK",
                "evt-10|ep-1|WEBHOOK",
                "evt-2|ep-1|WEBHOOK",
                "\u0000",
                "a\u0000",
                "é",
                "e",
                "\u07FF",
                "\u0800",
                "中文",
                "中",
                "\uFFFF",
                "😀",
                "a😀",
                "Ljava/util/List;",
                "Ljava/util/Lisu;")) {
            keys.add(new KeyValue(value));
        }
        String[] alphabets = {"abcxyz019|-_", "aé中😀\u0000\u07FF\u0800z"};
        for (int i = 0; i < 150; i++) {
            String alphabet = alphabets[i % 2];
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            keys.add(new KeyValue(value.toString()));
        }
        // Strings around the short record's limit (65,535 bytes of modified UTF-8), and past it.
        keys.add(new KeyValue("a".repeat(65_535)));
        keys.add(new KeyValue("a".repeat(65_536)));
        keys.add(new KeyValue("b".repeat(65_534)));
        keys.add(new KeyValue("中".repeat(21_845)));
        keys.add(new KeyValue("中".repeat(21_846)));
        // Keys the fast comparison leaves to the serialised one.
        keys.add(new KeyValue(1.0));
        keys.add(new KeyValue(2.0));
        keys.add(new KeyValue("a", "b"));
        keys.add(new KeyValue("a", 1.0));
        keys.add("a plain string");
        return keys;
    }

    @Test
    void ordersEveryPairOfKeysAsTheirSerialisedFormsDo() {
        List<Object> keys = sampleKeys();
        int compared = 0;
        for (Object a : keys) {
            for (Object b : keys) {
                assertThat(Integer.signum(order.compare(a, b)))
                        .as("%s vs %s", abbreviated(a), abbreviated(b))
                        .isEqualTo(serialisedOrder(a, b));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(keys.size() * keys.size());
    }

    @Test
    void comparesOneStringKeysByTheirModifiedUtf8RecordWithoutSerialising() {
        // Shorter first, whatever the characters: the serialised record starts with the length.
        assertThat(IndexKeyOrder.compareAsSerialised("z", "aa")).isNegative();
        // Same length: bytes, unsigned — 'é' (C3 A9) after 'z' (7A); NUL is two bytes (C0 80), so "\0" is longer than
        // "a".
        assertThat(IndexKeyOrder.compareAsSerialised("é", "zz")).isPositive();
        assertThat(IndexKeyOrder.compareAsSerialised("\u0000", "a")).isPositive();
        assertThat(IndexKeyOrder.compareAsSerialised("same", "same")).isZero();
        // Past the short record the serialised comparison decides.
        assertThat(IndexKeyOrder.compareAsSerialised("中".repeat(21_846), "a")).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void theStoresUniqueIndexesUseIt() {
        Path file = folder.resolve("store.mv");
        IdLookupH2Backend backend = new IdLookupH2Backend(file.toString());
        try {
            backend.resolveDatabase("cases")
                    .createCollectionOrThrowIfExists("notes")
                    .addDocument(new Document("_id", "n1"));
            MVStore store = backend.getMvStore();
            assertThat(store.openMap("cases.notes._index__id_").getKeyType()).isInstanceOf(IndexKeyOrder.class);
        } finally {
            backend.close();
        }
    }

    /**
     * The compatibility that matters: ids written by the library's own backend (serialised order)
     * are all found by this store, and each is refused again as a duplicate; and the other way round.
     */
    @Test
    void aFileOfEitherBackendKeepsEveryIdFindableAndUniqueInTheOther() {
        Path file = folder.resolve("store.mv");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            ids.add(
                    i % 3 == 0
                            ? "evt-" + i + "|ep|WEBHOOK"
                            : i % 3 == 1 ? "案件-" + i : "t" + Integer.toHexString(i * 7919));
        }
        H2Backend library = new H2Backend(file.toString());
        try {
            MongoCollection<?> notes = library.resolveDatabase("cases").createCollectionOrThrowIfExists("notes");
            ids.subList(0, 1_500).forEach(id -> notes.addDocument(new Document("_id", id)));
        } finally {
            library.close();
        }
        IdLookupH2Backend ours = new IdLookupH2Backend(file.toString());
        try {
            MongoCollection<?> notes = ours.resolveDatabase("cases").resolveCollection("notes", true);
            assertEveryIdFoundAndUnique(notes, ids.subList(0, 1_500));
            ids.subList(1_500, 3_000).forEach(id -> notes.addDocument(new Document("_id", id)));
        } finally {
            ours.close();
        }
        H2Backend libraryAgain = new H2Backend(file.toString());
        try {
            assertEveryIdFoundAndUnique(libraryAgain.resolveDatabase("cases").resolveCollection("notes", true), ids);
        } finally {
            libraryAgain.close();
        }
    }

    private static void assertEveryIdFoundAndUnique(MongoCollection<?> collection, List<String> ids) {
        assertThat(collection.count()).isEqualTo(ids.size());
        for (String id : ids) {
            assertThat(collection.count(new Document("_id", id), 0, 0)).as(id).isEqualTo(1);
        }
        for (String id : List.of(ids.getFirst(), ids.get(ids.size() / 2), ids.getLast())) {
            assertThatThrownBy(() -> collection.addDocument(new Document("_id", id)))
                    .isInstanceOf(DuplicateKeyError.class);
        }
    }

    private static String abbreviated(Object key) {
        String text = String.valueOf(key);
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }
}

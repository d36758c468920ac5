package app.thaw.monitor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.Names;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Screening quality on the full OFAC list with a labelled set: true matches (typos, word order,
 * punctuation and diacritics, missing middle names, known transliterations, Chinese characters for
 * pinyin entries) that must find their entry, and near-misses (another given name with the same
 * surname, invented everyday names) that must not. ("Zhang Wei" is no near-miss: OFAC lists it as an
 * alias of entry 23647, so every Zhang Wei is a hit for a person to clear.) Prints recall and false positives
 * ({@code SCREENING_QUALITY}); the README records them.
 */
class ScreeningQualityTests {

    static final double THRESHOLD = 0.9;
    static @Nullable ScreeningIndex index;

    @BeforeAll
    static void load() throws IOException {
        Path dir = FullList.directory();
        Assumptions.assumeTrue(dir != null, "Skipped: the full OFAC list (shared/data/ofac/sdn.csv and alt.csv beside the "
                + "repository, or THAW_OFAC_DIR) is not on this machine");
        index = FullList.load(dir);
    }

    record Case(String query, @Nullable String entryId, String kind) {
    }

    /** Hand-written true matches: transliterations and spellings a person would actually use. */
    static final List<Case> WRITTEN_TRUE = List.of(
            new Case("张磊", "16318", "chinese"), new Case("李方伟", "11447", "chinese"), new Case("王国英", "16819", "chinese"),
            new Case("张健", "21042", "chinese"), new Case("Osama bin Laden", "6365", "transliteration"),
            new Case("Usama Bin Ladin", "6365", "transliteration"), new Case("Muammar Qadhafi", "12606", "transliteration"),
            new Case("Qadhafi Muammar", "12606", "order"), new Case("Saif al Islam Qadhafi", "12608", "punctuation"),
            new Case("Banco Nacional de Cuba", "306", "exact"), new Case("NATIONAL BANK OF CUBA", "306", "alias"),
            new Case("Aero-Caribbean Airlines", "36", "punctuation"), new Case("Mazen Ali Hussein", "9587", "order"),
            new Case("Mazen Hussein", "9587", "missing-middle"), new Case("Cheng Yu Li", "11284", "order"));

    /** Everyday names nobody listed should hit. */
    static final List<String> INVENTED = List.of("John Smith", "Maria Garcia Lopez", "Anna Schmidt", "Pierre Dubois",
            "Zhou Xiaohong", "黄丽", "王芳", "李娜", "刘洋", "陈静", "Emily Johnson", "Hans Peter Müller", "Giulia Rossi", "Kenji Tanaka",
            "Olga Ivanova", "Ahmed Karimi Farahani", "Fatima Zahra Benali", "Carlos Eduardo Souza", "Priya Sharma",
            "Nguyen Van Minh", "Kim Min-jun", "Lucas Martin", "Sofia Andersson", "Jan Kowalski", "Mehmet Yilmaz",
            "Acme Trading Limited", "Blue River Logistics GmbH", "Shanghai Sunrise Textiles Co., Ltd.", "Golden Harvest Foods",
            "Northwind Traders");

    /** Common given names: a listed surname with one of these is usually somebody else. */
    static final List<String> COMMON_GIVEN_NAMES = List.of("Ahmed", "Maria", "John", "Fatima", "Carlos", "Elena", "Omar",
            "Yusuf", "Ivan", "Jose", "Ali", "Hassan", "Juan", "Sergei", "Mariam", "Khalid", "Luis", "Nadia", "Pedro", "Olga");

    static final List<String> OTHER_GIVEN_NAMES = List.of("Theodora", "Bartholomew", "Evangeline", "Maximilian", "Wilhelmina",
            "Cornelius", "Penelope", "Sebastiano", "Gwendolyn", "Leopoldine");

    @Test
    void recallAndFalsePositivesOnTheFullList() {
        Random random = new Random(20261123);
        List<ListEntry> entries = index.list().entries();
        List<Case> truths = new ArrayList<>(WRITTEN_TRUE);
        List<Case> nearMisses = new ArrayList<>();
        int attempts = 0;
        while (truths.size() < WRITTEN_TRUE.size() + 400 && attempts++ < 100_000) {
            ListEntry entry = entries.get(random.nextInt(entries.size()));
            List<String> tokens = Names.tokens(entry.name());
            if (tokens.size() < 2 || tokens.stream().noneMatch(t -> t.length() >= 6)) {
                continue;
            }
            switch (truths.size() % 4) {
                case 0 -> truths.add(new Case(typo(tokens, random), entry.id(), "typo"));
                case 1 -> truths.add(new Case(reversed(tokens), entry.id(), "order"));
                case 2 -> truths.add(new Case(decorated(entry.name()), entry.id(), "punctuation-diacritics"));
                default -> {
                    if (entry.type() == ListEntry.EntryType.INDIVIDUAL && tokens.size() >= 3) {
                        truths.add(new Case(tokens.getFirst() + " " + tokens.getLast(), entry.id(), "missing-middle"));
                    }
                }
            }
            if (entry.type() == ListEntry.EntryType.INDIVIDUAL && nearMisses.size() < 400) {
                // Same surname, another given name: a different person. Half rare names, half common ones
                // (skipped when the entry or one of its aliases already has that name).
                boolean common = nearMisses.size() % 2 == 1;
                List<String> pool = common ? COMMON_GIVEN_NAMES : OTHER_GIVEN_NAMES;
                String given = pool.get(random.nextInt(pool.size()));
                boolean entryHasIt = java.util.stream.Stream.concat(java.util.stream.Stream.of(entry.name()), entry.aliases().stream())
                        .anyMatch(n -> Names.tokens(n).contains(given.toUpperCase(Locale.ROOT)));
                if (!entryHasIt) {
                    nearMisses.add(new Case(tokens.getFirst() + ", " + given, entry.id(), common ? "common-given-name" : "rare-given-name"));
                }
            }
        }
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (Case c : truths) {
            if (hits(c.query()).contains(c.entryId())) {
                found++;
            } else {
                missed.add(c.kind() + ": " + c.query() + " → " + c.entryId());
            }
        }
        int falsePositives = 0;
        List<String> wrong = new ArrayList<>();
        for (Case c : nearMisses) {
            if (hits(c.query()).contains(c.entryId())) {
                falsePositives++;
                wrong.add(c.query() + " → " + c.entryId());
            }
        }
        int inventedHits = 0;
        for (String name : INVENTED) {
            List<String> h = hits(name);
            if (!h.isEmpty()) {
                inventedHits++;
                wrong.add(name + " → " + h);
            }
        }
        double recall = (double) found / truths.size();
        int negatives = nearMisses.size() + INVENTED.size();
        int fp = falsePositives + inventedHits;
        System.out.printf(Locale.ROOT, "SCREENING_QUALITY threshold=%.2f true-matches=%d recall=%.3f near-misses=%d false-positives=%d (%.1f%%)%n",
                THRESHOLD, truths.size(), recall, negatives, fp, 100.0 * fp / negatives);
        missed.stream().limit(25).forEach(m -> System.out.println("  MISSED " + m));
        wrong.stream().limit(25).forEach(w -> System.out.println("  FALSE POSITIVE " + w));
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat((double) fp / negatives).isLessThanOrEqualTo(0.03);
    }

    static List<String> hits(String name) {
        return index.screen(name, THRESHOLD, Set.of(), 10).stream().map(m -> m.entry().id()).toList();
    }

    /** One edit (drop, double or swap a letter) inside the longest token, away from its first letter. */
    static String typo(List<String> tokens, Random random) {
        List<String> out = new ArrayList<>(tokens);
        int longest = 0;
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).length() > out.get(longest).length()) {
                longest = i;
            }
        }
        String t = out.get(longest);
        int at = 2 + random.nextInt(t.length() - 3);
        String edited = switch (random.nextInt(3)) {
            case 0 -> t.substring(0, at) + t.substring(at + 1);
            case 1 -> t.substring(0, at) + t.charAt(at) + t.substring(at);
            default -> t.substring(0, at) + t.charAt(at + 1) + t.charAt(at) + t.substring(at + 2);
        };
        out.set(longest, edited);
        return String.join(" ", out).toLowerCase(Locale.ROOT);
    }

    static String reversed(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens);
        java.util.Collections.reverse(out);
        return String.join(" ", out);
    }

    static String decorated(String name) {
        return name.replace("A", "Á").replace("E", "È").replace("O", "Ö").replace(" ", " - ").toLowerCase(Locale.ROOT) + ".";
    }
}

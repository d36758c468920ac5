package app.thaw.monitor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import app.thaw.monitor.screening.matching.ListEntry;
import app.thaw.monitor.screening.matching.Names;
import app.thaw.monitor.screening.matching.ScreeningIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Screening quality on the list as shipped (the 2021 OFAC SDN snapshot), at the default threshold.
 * (1) Every name of every entry, primary and alias, screened as written, finds its own entry.
 * (2) A labelled set built from the list by a fixed seed (not hand-picked): true pairs are listed
 * names written the ways people write them (a one-letter typo, another word order, diacritics and
 * punctuation, a missing middle name, another legal form, common transliteration spellings, an
 * alias); hard near-misses are other people and companies sharing words with listed ones (a listed
 * surname with a common given name, a listed person's given names with a common surname, two
 * common tokens of a four-token name, a listed company with its distinctive word replaced, everyday
 * and Chinese names). A near-miss that is itself a listed name is dropped: it is a true hit.
 * Prints {@code SCREENING_LABELLED} (precision, recall, top-1, top-3); docs/benchmarks/identity-monitor.md records it. Another
 * set of the same construction: {@code -Dscreening.seed=…}.
 */
class LabelledSetTests {

    static final double THRESHOLD = 0.9;
    static final int LIMIT = 10;
    static ScreeningIndex index;
    /** Every list name's sorted tokens: a "near-miss" equal to one of them is a listed name. */
    static final Set<List<String>> LISTED = new HashSet<>();

    @BeforeAll
    static void load() throws Exception {
        SanctionsLists lists = new SanctionsLists(
                new DefaultResourceLoader(), new ScreeningProperties(null, null, LIMIT), java.time.Clock.systemUTC());
        index = lists.current();
        for (ListEntry e : index.list().entries()) {
            for (String n : names(e)) {
                LISTED.add(sorted(Names.tokens(n)));
            }
        }
    }

    static List<String> names(ListEntry e) {
        return Stream.concat(Stream.of(e.name()), e.aliases().stream()).toList();
    }

    static List<String> sorted(List<String> tokens) {
        List<String> s = new ArrayList<>(tokens);
        Collections.sort(s);
        return s;
    }

    static List<ScreeningIndex.Match> screen(String name) {
        return index.screen(name, THRESHOLD, Set.of(), LIMIT);
    }

    @Test
    void everyListedNameAsWrittenFindsItsOwnEntry() {
        int names = 0;
        List<String> missed = new ArrayList<>();
        for (ListEntry e : index.list().entries()) {
            for (String n : names(e)) {
                if (Names.tokens(n).isEmpty()) {
                    continue;
                }
                names++;
                if (index.screen(n, THRESHOLD, Set.of(), LIMIT).stream()
                        .noneMatch(m -> m.entry().id().equals(e.id()))) {
                    missed.add(e.id() + " " + n);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "SCREENING_EXACT names=%d found=%d recall=%.4f%n",
                names,
                names - missed.size(),
                1 - (double) missed.size() / names);
        missed.stream().limit(20).forEach(m -> System.out.println("  EXACT MISSED " + m));
        assertThat(missed).isEmpty();
    }

    record Case(String query, String entryId, String kind) {}

    static List<String> ids(String name) {
        return screen(name).stream().map(m -> m.entry().id()).toList();
    }

    @Test
    void theIssuesExamples() {
        // Two common tokens do not hit a four-token name on two of them.
        assertThat(ids("Maria Gonzalez")).doesNotContain("15861", "20116");
        assertThat(ids("Esperanza Maria Gonzalez Muniz")).first().isEqualTo("15861");
        // A one-letter typo in a short word of a long name.
        assertThat(ids("BANCO NACIONAL DE KUBA")).first().isEqualTo("306");
        // …but not in a two-word name, where it is another name.
        assertThat(ids("Salim Ali")).doesNotContain("21992");
        // Cyrillic and Greek names are transliterated (Russian by BGN/PCGN, as OFAC spells them).
        assertThat(ids("Сергей Иванов")).contains("16688");
        assertThat(ids("Иванов Виктор Петрович")).first().isEqualTo("16690");
        assertThat(Names.tokens(Names.toLatin("Αλέξης Τσίπρας"))).containsExactly("ALEXIS", "TSIPRAS");
        // Chinese: pinyin with tone marks, Wade–Giles and Cantonese surname spellings, surname last or first.
        assertThat(ids("Zhāng Lěi")).contains("16318");
        assertThat(ids("Cheung Lei")).contains("16318");
        assertThat(ids("Lei Chang")).contains("16318");
        assertThat(Names.variants("张磊"))
                .contains(List.of("ZHANG", "LEI"), List.of("CHEUNG", "LEI"), List.of("CHANG", "LEI"));
        // A legal form says "company": a company is not screened against people of that name.
        assertThat(screen("Zhang Lei Trading Co., Ltd."))
                .allSatisfy(m -> assertThat(m.entry().type()).isNotEqualTo(ListEntry.EntryType.INDIVIDUAL));
        assertThat(ids("Zhang Lei")).contains("16318");
        assertThat(ids("Anglo-Caribbean Company Limited")).first().isEqualTo("173");
        // A person whose listed surname is missing from the query is someone else with those given names.
        assertThat(ids("Esperanza Maria")).doesNotContain("15861");
        // Equal scores are ranked by the secondary score, never left to chance.
        List<ScreeningIndex.Match> hits = index.screen("Zhang Wei", 0.5, Set.of(), 10);
        for (int i = 1; i < hits.size(); i++) {
            ScreeningIndex.Match a = hits.get(i - 1);
            ScreeningIndex.Match b = hits.get(i);
            assertThat(a.score() > b.score() || a.score() == b.score() && a.secondary() >= b.secondary())
                    .isTrue();
        }
    }

    @Test
    void handWrittenPairs() {
        Map<String, String> pairs = Map.ofEntries(
                Map.entry("张磊", "16318"),
                Map.entry("李方伟", "11447"),
                Map.entry("王国英", "16819"),
                Map.entry("张健", "21042"),
                Map.entry("Osama bin Laden", "6365"),
                Map.entry("Usama Bin Ladin", "6365"),
                Map.entry("Muammar Qadhafi", "12606"),
                Map.entry("Qadhafi Muammar", "12606"),
                Map.entry("Saif al Islam Qadhafi", "12608"),
                Map.entry("NATIONAL BANK OF CUBA", "306"),
                Map.entry("Aero-Caribbean Airlines", "36"),
                Map.entry("Mazen Ali Hussein", "9587"),
                Map.entry("Mazen Hussein", "9587"),
                Map.entry("Cheng Yu Li", "11284"),
                // Chinese companies in characters, listed in pinyin or English.
                Map.entry("珠海振戎有限公司", "27063"),
                Map.entry("大连海博国际货运有限公司", "26243"),
                Map.entry("北京诚信贸易有限公司", "23523"),
                Map.entry("中国精密机械进出口总公司", "9753"));
        pairs.forEach((query, entry) -> assertThat(ids(query)).as(query).contains(entry));
    }

    static final List<String> COMMON_GIVEN = List.of(
            "Mohammed",
            "Ahmed",
            "Ali",
            "Hassan",
            "Hussein",
            "Omar",
            "Khalid",
            "Abdullah",
            "Ibrahim",
            "Youssef",
            "Fatima",
            "Aisha",
            "Mariam",
            "Maria",
            "Jose",
            "Juan",
            "Carlos",
            "Luis",
            "Ana",
            "Jorge",
            "Pedro",
            "Sergei",
            "Ivan",
            "Olga",
            "Elena",
            "Alexander",
            "Dmitry",
            "Vladimir",
            "Natalia",
            "Reza",
            "Mehdi",
            "John",
            "David",
            "Michael",
            "Sarah",
            "Wei",
            "Fang",
            "Min",
            "Kim",
            "Daniel");
    static final List<String> COMMON_SURNAMES = List.of(
            "Garcia",
            "Rodriguez",
            "Martinez",
            "Lopez",
            "Smith",
            "Johnson",
            "Brown",
            "Ivanov",
            "Petrov",
            "Smirnova",
            "Khan",
            "Rahman",
            "Hosseini",
            "Ahmadi",
            "Wang",
            "Chen",
            "Liu",
            "Nguyen",
            "Kim",
            "Park",
            "Silva",
            "Santos",
            "Muller",
            "Schmidt",
            "Rossi",
            "Yilmaz",
            "Kaya",
            "Haddad",
            "Mansour",
            "Saleh");
    static final List<String> COMPANY_WORDS = List.of(
            "HORIZON",
            "PACIFIC",
            "GOLDEN",
            "EVEREST",
            "ORIENT",
            "SUNRISE",
            "PHOENIX",
            "ATLAS",
            "CRESCENT",
            "DIAMOND",
            "EMERALD",
            "FALCON",
            "MERIDIAN",
            "SILVERLINE",
            "NORTHSTAR",
            "BLUEWATER",
            "SUMMIT",
            "PIONEER",
            "LIBERTY",
            "HARMONY",
            "VANGUARD",
            "ZENITH",
            "CORAL",
            "CEDAR",
            "OLYMPIA");
    static final List<String> EVERYDAY = List.of(
            "John Smith",
            "Maria Garcia Lopez",
            "Anna Schmidt",
            "Pierre Dubois",
            "Emily Johnson",
            "Hans Peter Müller",
            "Giulia Rossi",
            "Kenji Tanaka",
            "Olga Ivanova",
            "Ahmed Karimi Farahani",
            "Fatima Zahra Benali",
            "Carlos Eduardo Souza",
            "Priya Sharma",
            "Nguyen Van Minh",
            "Kim Min-jun",
            "Lucas Martin",
            "Sofia Andersson",
            "Jan Kowalski",
            "Mehmet Yilmaz",
            "Acme Trading Limited",
            "Blue River Logistics GmbH",
            "Shanghai Sunrise Textiles Co., Ltd.",
            "Golden Harvest Foods",
            "Northwind Traders",
            "黄丽",
            "王芳",
            "李娜",
            "刘洋",
            "陈静",
            "张秀英",
            "王秀兰",
            "李静",
            "刘伟",
            "陈磊",
            "杨洋",
            "赵敏",
            "周杰",
            "吴晓明",
            "徐丽华",
            "孙涛",
            "Huang Li",
            "Wang Fang",
            "Li Na",
            "Liu Yang",
            "Chen Jing",
            "Zhang Xiuying",
            "Wang Xiulan",
            "Li Jing",
            "Chen Lei",
            "Yang Yang",
            "Zhao Min",
            "Zhou Jie",
            "Wu Xiaoming",
            "Xu Lihua",
            "Sun Tao",
            // Everyday Hong Kong (Cantonese) and Taiwanese (Wade–Giles) names.
            "Chan Tai Man",
            "Wong Siu Ming",
            "Lee Ka Yan",
            "Cheung Wai Kit",
            "Lau Chi Keung",
            "Ho Wing Yan",
            "Ng Ka Wai",
            "Kwok Siu Fung",
            "Tsang Chi Wai",
            "Chang Chih-hao",
            "Lin Mei-ling",
            "Wang Hsiao-ping",
            "Hsu Chia-hui",
            "Chen Chih-ming",
            "Huang Kuo-hua",
            "Mohammed Ahmed Ali",
            "Ali Hassan",
            "Omar Khalid",
            "Maria Fernanda Lopez",
            "Jose Luis Martinez",
            "Sergei Ivanovich Petrov",
            "Elena Smirnova",
            "Reza Hosseini",
            "Abdullah Rahman",
            "David Cohen",
            "Michael Brown",
            "Dubai Trading Company LLC",
            "Tehran General Trading",
            "Istanbul Shipping Agency",
            "Pacific Marine Services Ltd",
            "Global Petroleum Investment Holdings",
            "National Import Export Company",
            "Beirut Electronics SARL",
            "Caracas Construction Group",
            "Moscow Industrial Bank",
            "Hong Kong Golden Star Trading Limited",
            // Chinese companies sharing a listed one's city and industry words.
            "大连金海贸易有限公司",
            "大连国际物流有限公司",
            "珠海华发实业有限公司",
            "北京科技发展有限公司",
            "上海国际贸易有限公司",
            "上海北方物流有限公司",
            "中国机械进出口总公司",
            "中国银行",
            "中石化");

    @Test
    void labelledSetPrecisionRecallAndRanking() {
        Random random = new Random(Long.getLong("screening.seed", 20261206L));
        List<ListEntry> entries = index.list().entries();
        List<Case> truths = new ArrayList<>();
        truths.addAll(List.of(
                new Case("张磊", "16318", "chinese"),
                new Case("李方伟", "11447", "chinese"),
                new Case("王国英", "16819", "chinese"),
                new Case("张健", "21042", "chinese"),
                new Case("Osama bin Laden", "6365", "transliteration"),
                new Case("Muammar Qadhafi", "12606", "transliteration"),
                new Case("Banco Nacional de Kuba", "306", "typo"),
                new Case("National Bank of Cuba", "306", "alias"),
                new Case("珠海振戎有限公司", "27063", "chinese-company"),
                new Case("大连海博国际货运有限公司", "26243", "chinese-company"),
                new Case("中国精密机械进出口总公司", "9753", "chinese-company"),
                new Case("香港电子有限公司", "11533", "chinese-company"),
                // A Chinese name in another romanization than the listing's (pinyin, Wade–Giles, Cantonese).
                new Case("Ma Hsiao-hung", "20565", "romanization"),
                new Case("Cheng Kwong Wah", "26323", "romanization"),
                new Case("Zhang Pingyun", "6859", "romanization"),
                new Case("Huang Manzhi", "9340", "romanization"),
                new Case("Wong Chi Ching", "28366", "romanization"),
                new Case("Chou Chien-shu", "20566", "romanization")));
        List<Case> misses = new ArrayList<>();
        for (String everyday : EVERYDAY) {
            misses.add(new Case(everyday, "", "everyday"));
        }
        int attempts = 0;
        while ((truths.size() < 1_200 || misses.size() < 1_200) && attempts++ < 200_000) {
            ListEntry entry = entries.get(random.nextInt(entries.size()));
            List<String> names = names(entry);
            String name = names.get(random.nextInt(names.size()));
            List<String> tokens = Names.tokens(name);
            if (tokens.size() < 2) {
                continue;
            }
            if (truths.size() < 1_200) {
                String variant = switch (random.nextInt(7)) {
                    case 0 -> tokens.stream().anyMatch(t -> t.length() >= 6) ? typo(tokens, random) : null;
                    case 1 -> reversed(tokens);
                    case 2 -> decorated(name);
                    case 3 ->
                        entry.type() == ListEntry.EntryType.INDIVIDUAL && tokens.size() >= 3
                                ? withoutOneMiddleWord(tokens, random)
                                : null;
                    case 4 -> entry.type() == ListEntry.EntryType.ENTITY ? otherLegalForm(name, random) : null;
                    // Transliteration systems differ for names written from other scripts, not for English words.
                    case 5 -> entry.type() == ListEntry.EntryType.INDIVIDUAL ? transliterated(tokens, random) : null;
                    default -> String.join(" ", tokens).toLowerCase(Locale.ROOT);
                };
                if (variant != null) {
                    truths.add(new Case(variant, entry.id(), "variant"));
                }
            }
            if (misses.size() < 1_200) {
                String nearMiss = null;
                String kind = null;
                String added = null;
                List<String> surname = entry.surnameTokens();
                switch (random.nextInt(4)) {
                    case 0 -> {
                        if (!surname.isEmpty()) {
                            added = pick(COMMON_GIVEN, random);
                            nearMiss = added + " " + String.join(" ", surname);
                            kind = "listed-surname";
                        }
                    }
                    case 1 -> {
                        List<String> given = new ArrayList<>(Names.tokens(entry.name()));
                        given.removeAll(surname);
                        if (!surname.isEmpty() && !given.isEmpty()) {
                            added = pick(COMMON_SURNAMES, random);
                            nearMiss = String.join(" ", given) + " " + added;
                            kind = "listed-given-names";
                        }
                    }
                    case 2 -> {
                        if (entry.type() == ListEntry.EntryType.INDIVIDUAL && tokens.size() >= 4) {
                            nearMiss = tokens.get(0) + " " + tokens.get(tokens.size() - 1);
                            kind = "two-of-four";
                        }
                    }
                    default -> {
                        if (entry.type() == ListEntry.EntryType.ENTITY && tokens.size() >= 2) {
                            nearMiss = replacedDistinctive(tokens, random);
                            kind = "company-other-word";
                        }
                    }
                }
                if (nearMiss != null
                        && !LISTED.contains(sorted(Names.tokens(nearMiss)))
                        && !partOf(nearMiss, added, entry)) {
                    misses.add(new Case(nearMiss, entry.id(), kind));
                }
            }
        }
        misses.removeIf(c -> LISTED.contains(sorted(Names.tokens(c.query()))));
        int found = 0;
        int top1 = 0;
        int top3 = 0;
        List<String> missed = new ArrayList<>();
        for (Case c : truths) {
            List<ScreeningIndex.Match> hits = screen(c.query());
            int rank = -1;
            for (int i = 0; i < hits.size(); i++) {
                if (hits.get(i).entry().id().equals(c.entryId())) {
                    rank = i;
                    break;
                }
            }
            if (rank >= 0) {
                found++;
                top1 += rank == 0 ? 1 : 0;
                top3 += rank < 3 ? 1 : 0;
            } else {
                missed.add(c.kind() + ": " + c.query() + " → " + c.entryId());
            }
        }
        Map<String, Integer> fpByKind = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        int falseAlerts = 0;
        for (Case c : misses) {
            List<ScreeningIndex.Match> hits = screen(c.query());
            if (!hits.isEmpty()) {
                falseAlerts++;
                fpByKind.merge(c.kind(), 1, Integer::sum);
                wrong.add(c.kind() + ": " + c.query() + " → "
                        + hits.getFirst().entry().id() + " " + hits.getFirst().matchedName() + " "
                        + hits.getFirst().score());
            }
        }
        double recall = (double) found / truths.size();
        double precision = (double) found / (found + falseAlerts);
        System.out.printf(
                Locale.ROOT,
                "SCREENING_LABELLED threshold=%.2f true-pairs=%d near-misses=%d recall=%.4f precision=%.4f "
                        + "top1=%.4f top3=%.4f false-alerts=%d %s%n",
                THRESHOLD,
                truths.size(),
                misses.size(),
                recall,
                precision,
                (double) top1 / truths.size(),
                (double) top3 / truths.size(),
                falseAlerts,
                fpByKind);
        missed.stream().limit(30).forEach(m -> System.out.println("  MISSED " + m));
        wrong.stream().limit(30).forEach(w -> System.out.println("  FALSE ALERT " + w));
        assertThat(truths).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(misses).hasSizeGreaterThanOrEqualTo(1_000);
        // The targets: recall ≥ 0.98, precision ≥ 0.99 (docs/benchmarks/identity-monitor.md: measured 0.995 and 0.995
        // on this seed; other seeds,
        // -Dscreening.seed=…, built after the scoring was last changed, gave 0.981–0.984 and 0.992–0.998).
        assertThat(recall).isGreaterThanOrEqualTo(0.98);
        assertThat(precision).isGreaterThanOrEqualTo(0.99);
        assertThat((double) top3 / truths.size()).isGreaterThanOrEqualTo(0.98);
    }

    /**
     * Whether a constructed near-miss is in fact this entry's name written as a true pair is: all its
     * words in one of the entry's names that has at most one word more (a missing middle name), or
     * the common name added to the entry's words is one the entry has anyway ("Carlos" for "MONTOYA
     * SANCHEZ, Juan Carlos"). Such a query is no near-miss.
     */
    static boolean partOf(String query, @org.jspecify.annotations.Nullable String added, ListEntry entry) {
        List<String> q = Names.tokens(query);
        Set<String> entryTokens = new HashSet<>();
        for (String name : names(entry)) {
            List<String> n = Names.tokens(name);
            entryTokens.addAll(n);
            if (n.containsAll(q) && n.size() <= q.size() + 1) {
                return true;
            }
        }
        return added != null && entryTokens.containsAll(Names.tokens(added));
    }

    static String pick(List<String> pool, Random random) {
        return pool.get(random.nextInt(pool.size()));
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
        String edited = switch (random.nextInt(4)) {
            case 0 -> t.substring(0, at) + t.substring(at + 1);
            case 1 -> t.substring(0, at) + t.charAt(at) + t.substring(at);
            case 2 -> t.substring(0, at) + (char) ('A' + random.nextInt(26)) + t.substring(at + 1);
            default -> t.substring(0, at) + t.charAt(at + 1) + t.charAt(at) + t.substring(at + 2);
        };
        out.set(longest, edited);
        return String.join(" ", out).toLowerCase(Locale.ROOT);
    }

    static String reversed(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens);
        Collections.reverse(out);
        return String.join(" ", out);
    }

    static String decorated(String name) {
        return name.replace("A", "Á")
                        .replace("E", "È")
                        .replace("O", "Ö")
                        .replace(" ", " - ")
                        .toLowerCase(Locale.ROOT) + ".";
    }

    static String otherLegalForm(String name, Random random) {
        String bare = name.replaceAll(
                "(?i)[,. ]*(CO\\.?,? LTD\\.?|LIMITED|LTD\\.?|LLC|INC\\.?|CORP(ORATION)?\\.?|S\\.?A\\.?|GMBH|JSC|PJSC)$",
                "");
        return bare
                + pick(
                        List.of(" Co., Ltd.", " Limited", " LLC", " Inc.", " Corporation", " S.A.", " GmbH", " JSC"),
                        random);
    }

    static String withoutOneMiddleWord(List<String> tokens, Random random) {
        List<String> out = new ArrayList<>(tokens);
        out.remove(1 + random.nextInt(tokens.size() - 2));
        return String.join(" ", out);
    }

    /** One spelling that differs between transliteration systems (the first that applies, in a random order). */
    static String transliterated(List<String> tokens, Random random) {
        String joined = String.join(" ", tokens);
        List<String[]> rules = new ArrayList<>(List.of(
                new String[] {"OU", "U"},
                new String[] {"YU", "IU"},
                new String[] {"EI", "EY"},
                new String[] {"Q", "K"},
                new String[] {"DH", "D"},
                new String[] {"EE", "I"},
                new String[] {"OO", "U"},
                new String[] {"MUHAMMAD", "MOHAMMED"},
                new String[] {"HUSAYN", "HUSSEIN"},
                new String[] {"YA", "IA"},
                new String[] {"J", "DJ"},
                new String[] {"SH", "SCH"},
                new String[] {"KH", "H"}));
        Collections.shuffle(rules, random);
        for (String[] rule : rules) {
            if (joined.contains(rule[0])) {
                return joined.replaceFirst(rule[0], rule[1]);
            }
        }
        return joined.toLowerCase(Locale.ROOT);
    }

    static String replacedDistinctive(List<String> tokens, Random random) {
        int longest = 0;
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).length() > tokens.get(longest).length()) {
                longest = i;
            }
        }
        List<String> out = new ArrayList<>(tokens);
        String word;
        do {
            word = pick(COMPANY_WORDS, random);
        } while (out.contains(word) || word.charAt(0) == out.get(longest).charAt(0));
        out.set(longest, word);
        return String.join(" ", out);
    }
}

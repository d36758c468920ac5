package app.thaw.monitor.screening.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * A sanctions list prepared for fast fuzzy screening. Every list name (primary and aliases) is
 * tokenised once; a blocking index maps each token's keys — its first three letters, its last
 * three, its Double Metaphone code — to the names having it, so a query scores only the names that
 * share keys with nearly all of its tokens ({@link #required}) instead of all ~21,000.
 * Scoring aligns tokens in any order (word order does not matter), forgives typos through
 * Jaro-Winkler on tokens long enough for a typo to be told from another name, and forgives list
 * names having words the query lacks (missing middle names) a little less than it forgives
 * nothing. Immutable and thread-safe once built.
 */
public final class ScreeningIndex {

    /** A token this similar or less counts as no match at all (different names are not "partly" equal). */
    static final double TOKEN_FLOOR = 0.84;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    private static final Set<ListEntry.EntryType> COMPANY_TYPES =
            Set.of(ListEntry.EntryType.ENTITY, ListEntry.EntryType.VESSEL, ListEntry.EntryType.AIRCRAFT);
    private static final org.apache.commons.text.similarity.LevenshteinDistance LEVENSHTEIN =
            new org.apache.commons.text.similarity.LevenshteinDistance(2);

    private final SanctionsList list;
    private final int[] nameEntry;
    private final boolean[] namePrimary;
    private final String[] nameText;
    private final String[][] nameTokens;
    /** Per name, which of its tokens are the surname, where the list says (OFAC's "SURNAME, Given"); null when it does not. */
    private final boolean[][] nameSurname;

    private final Map<String, int[]> postings;
    private final Map<String, ListEntry> byKey;
    /** Tokens in at least 0.2 % of the list's names (and 40): MUHAMMAD, ALI, AHMAD, JOSE… weak evidence on their own. */
    private final Set<String> common;
    /** Per-thread scratch for the blocking step, cleared after each use: no 80 KB allocation per query. */
    private final ThreadLocal<int[]> scratch;

    public ScreeningIndex(SanctionsList list) {
        this.list = list;
        List<Integer> entryOf = new ArrayList<>();
        List<Boolean> primary = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<String[]> tokens = new ArrayList<>();
        List<boolean[]> surnames = new ArrayList<>();
        for (int e = 0; e < list.entries().size(); e++) {
            ListEntry entry = list.entries().get(e);
            List<String> names = new ArrayList<>();
            names.add(entry.name());
            names.addAll(entry.aliases());
            for (int n = 0; n < names.size(); n++) {
                List<String> t = Names.tokens(names.get(n));
                if (t.isEmpty()) {
                    continue;
                }
                entryOf.add(e);
                primary.add(n == 0);
                text.add(names.get(n));
                tokens.add(t.toArray(String[]::new));
                surnames.add(surnameMask(entry.type(), names.get(n), t));
            }
        }
        int size = tokens.size();
        nameEntry = entryOf.stream().mapToInt(Integer::intValue).toArray();
        namePrimary = new boolean[size];
        for (int i = 0; i < size; i++) {
            namePrimary[i] = primary.get(i);
        }
        nameText = text.toArray(String[]::new);
        nameTokens = tokens.toArray(String[][]::new);
        nameSurname = surnames.toArray(boolean[][]::new);
        Map<String, List<Integer>> building = new HashMap<>();
        for (int i = 0; i < size; i++) {
            for (String token : nameTokens[i]) {
                for (String key : indexKeys(token)) {
                    List<Integer> ids = building.computeIfAbsent(key, k -> new ArrayList<>());
                    if (ids.isEmpty() || ids.getLast() != i) {
                        ids.add(i);
                    }
                }
            }
        }
        Map<String, int[]> frozen = new HashMap<>(building.size() * 2);
        building.forEach((key, ids) ->
                frozen.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
        postings = frozen;
        Map<String, ListEntry> keyed = new HashMap<>();
        for (ListEntry entry : list.entries()) {
            keyed.put(entry.listId() + "\u0000" + entry.id(), entry);
        }
        byKey = keyed;
        Map<String, Integer> df = new HashMap<>();
        for (String[] t : nameTokens) {
            for (String token : new java.util.HashSet<>(Arrays.asList(t))) {
                df.merge(token, 1, Integer::sum);
            }
        }
        int cutoff = Math.max(40, (int) (0.002 * size));
        common = df.entrySet().stream()
                .filter(e -> e.getValue() >= cutoff)
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        scratch = ThreadLocal.withInitial(() -> new int[size]);
    }

    public SanctionsList list() {
        return list;
    }

    /** The entry with this id on this list, or null. */
    public @org.jspecify.annotations.Nullable ListEntry entry(String listId, String id) {
        return byKey.get(listId + "\u0000" + id);
    }

    public int nameCount() {
        return nameText.length;
    }

    /**
     * The entries whose best name scores at least {@code threshold} against {@code name}, best
     * first, at most {@code limit}. {@code types} restricts the kinds of entry (empty: all).
     */
    public List<Match> screen(String name, double threshold, Set<ListEntry.EntryType> types, int limit) {
        if (types.isEmpty() && Names.hasLegalForm(name)) {
            // "… Co., Ltd." is a company: it is not screened against people.
            types = COMPANY_TYPES;
        }
        Map<Integer, Match> best = new LinkedHashMap<>();
        List<List<String>> variants = Names.variants(name);
        for (List<String> variant : variants) {
            screenVariant(asWritten(variant), threshold, types, best);
        }
        if (types.isEmpty() || types.contains(ListEntry.EntryType.INDIVIDUAL)) {
            // A Chinese person's name in pinyin, Wade–Giles or Cantonese also finds its listing in the other two.
            java.util.Set<List<List<String>>> seen = new java.util.HashSet<>();
            for (int v = 0; v < variants.size(); v++) {
                List<String> variant = variants.get(v);
                if (respells(variant, variants.subList(0, v))) {
                    // Only a surname spelt in another system than an earlier variant: its romanizations are that one's.
                    continue;
                }
                for (List<List<String>> romanized : ChineseRomanizations.alternatives(variant)) {
                    if (seen.size() < MAX_ROMANIZED && seen.add(romanized)) {
                        String[][] query = new String[romanized.size()][];
                        for (int q = 0; q < query.length; q++) {
                            query[q] = romanized.get(q).toArray(String[]::new);
                        }
                        screenVariant(query, threshold, types, best);
                    }
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Match::score)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingDouble(Match::secondary).reversed())
                        .thenComparing(m -> m.entry().id()))
                .limit(limit)
                .toList();
    }

    /** Whether {@code variant} is one of {@code earlier} with its first or last word another spelling of that surname. */
    private static boolean respells(List<String> variant, List<List<String>> earlier) {
        for (List<String> other : earlier) {
            if (other.size() != variant.size()) {
                continue;
            }
            int differing = -1;
            int count = 0;
            for (int i = 0; i < other.size(); i++) {
                if (!other.get(i).equals(variant.get(i))) {
                    differing = i;
                    count++;
                }
            }
            if (count == 1) {
                String was = other.get(differing);
                String now = variant.get(differing);
                if (Names.surnameSpellingsOf(was).contains(now)
                        || Names.surnamePinyin(was).contains(now)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Chinese names screened in other romanizations at most this many ways (surname readings × split or joined). */
    private static final int MAX_ROMANIZED = 6;

    /** Each word with its one spelling, as written. */
    private static String[][] asWritten(List<String> tokens) {
        String[][] query = new String[tokens.size()][];
        for (int q = 0; q < query.length; q++) {
            query[q] = new String[] {tokens.get(q)};
        }
        return query;
    }

    /**
     * @param query per word, its spellings: the first as written (matched fuzzily), the others
     *              equivalent spellings in other romanizations (matched only exactly)
     */
    private void screenVariant(
            String[][] query, double threshold, Set<ListEntry.EntryType> types, Map<Integer, Match> best) {
        if (query.length == 0 || query.length > 30) {
            return;
        }
        boolean romanized = false;
        for (String[] word : query) {
            romanized |= word.length > 1;
        }
        int[] hitMask = scratch.get();
        int[] touched = new int[256];
        int touchedCount = 0;
        for (int q = 0; q < query.length; q++) {
            int bit = 1 << Math.min(q, 30);
            // With other spellings (another romanization), a name is looked up only by its words as spelt, written or
            // other: such spellings never pair fuzzily, and the words as written alone were screened already.
            for (int k = 0; k < query[q].length; k++) {
                for (String key : k == 0 && !romanized ? keys(query[q][k]) : new String[] {EXACT + query[q][k]}) {
                    int[] ids = postings.get(key);
                    if (ids == null) {
                        continue;
                    }
                    for (int id : ids) {
                        if (hitMask[id] == 0) {
                            if (touchedCount == touched.length) {
                                touched = Arrays.copyOf(touched, touched.length * 2);
                            }
                            touched[touchedCount++] = id;
                        }
                        hitMask[id] |= bit;
                    }
                }
            }
        }
        int need = required(query.length, threshold);
        int candidates = 0;
        for (int c = 0; c < touchedCount; c++) {
            int id = touched[c];
            if (Integer.bitCount(hitMask[id]) >= need) {
                touched[candidates++] = id;
            }
            hitMask[id] = 0;
        }
        List<Set<String>> others = new ArrayList<>(query.length);
        for (String[] word : query) {
            others.add(word.length > 1 ? Set.of(Arrays.copyOfRange(word, 1, word.length)) : Set.of());
        }
        // Common tokens (MOHAMMED, ISLAMIC…) recur across candidates: each query token is compared with
        // each distinct list token once.
        Map<String, Double> memo = new HashMap<>();
        for (int c = 0; c < candidates; c++) {
            int id = touched[c];
            ListEntry entry = list.entries().get(nameEntry[id]);
            if (!types.isEmpty() && !types.contains(entry.type())) {
                continue;
            }
            double score = score(
                    written(query),
                    others,
                    nameTokens[id],
                    nameSurname[id],
                    common,
                    memo,
                    entry.type() != ListEntry.EntryType.INDIVIDUAL);
            if (score < threshold) {
                continue;
            }
            double rounded = Math.round(score * 1000) / 1000.0;
            double secondary = Math.round(secondary(written(query), nameTokens[id]) * 1000) / 1000.0;
            Match current = best.get(nameEntry[id]);
            if (current == null
                    || rounded > current.score()
                    || rounded == current.score() && secondary > current.secondary()) {
                best.put(nameEntry[id], new Match(entry, nameText[id], namePrimary[id], rounded, secondary));
            }
        }
    }

    /**
     * How many of the query's tokens a list name must share a key with to be scored at all. A name
     * can only reach {@code threshold} if about that share of the query's tokens match, and a
     * matching token almost always shares a key (prefix, suffix or sound); one token of slack covers
     * the rest. Never fewer than two (one for a one-word query).
     */
    static int required(int queryTokens, double threshold) {
        int mayMiss = (int) Math.floor(queryTokens * (1 - threshold) + 1e-9) + 1;
        return Math.max(Math.min(2, queryTokens), queryTokens - mayMiss);
    }

    /**
     * Which tokens of a list name are its surname: OFAC writes individuals as "SURNAME, Given
     * names". Null when the list does not say (entities, names without a comma, or when every token
     * would be the surname).
     */
    static boolean @org.jspecify.annotations.Nullable [] surnameMask(
            ListEntry.EntryType type, String name, List<String> tokens) {
        int comma = name.indexOf(',');
        if (type != ListEntry.EntryType.INDIVIDUAL || comma <= 0) {
            return null;
        }
        List<String> surname = Names.tokens(name.substring(0, comma));
        if (surname.isEmpty() || surname.size() >= tokens.size()) {
            return null;
        }
        boolean[] mask = new boolean[tokens.size()];
        for (int i = 0; i < surname.size(); i++) {
            if (!tokens.get(i).equals(surname.get(i))) {
                // The surname was all particles ("DU, Yu Rong"): the tokens do not say which is which.
                return null;
            }
            mask[i] = true;
        }
        return mask;
    }

    /** A list name with tokens the query lacks scores this much lower per such token (a missing middle name costs 0.055). */
    static final double UNCOVERED_TOKEN_PENALTY = 0.055;
    /** A one-letter difference in a short word counts this much, once per name, in names of three or more words. */
    static final double SHORT_TYPO_SIMILARITY = 0.8;
    /** A person's name whose listed surname the query does not contain at all scores this fraction. */
    static final double SURNAME_MISSING_FACTOR = 0.88;

    static double score(String[] query, String[] name) {
        return score(query, name, null, Set.of(), new HashMap<>(), false);
    }

    /** The words as written (each word's first spelling). */
    private static String[] written(String[][] query) {
        String[] written = new String[query.length];
        for (int q = 0; q < query.length; q++) {
            written[q] = query[q][0];
        }
        return written;
    }

    static double score(
            String[] query,
            String[] name,
            boolean @org.jspecify.annotations.Nullable [] surname,
            Set<String> common,
            Map<String, Double> memo,
            boolean company) {
        return score(query, List.of(), name, surname, common, memo, company);
    }

    static double score(
            String[] query,
            String[] name,
            boolean @org.jspecify.annotations.Nullable [] surname,
            Set<String> common,
            Map<String, Double> memo) {
        return score(query, name, surname, common, memo, false);
    }

    /**
     * Similarity of two token lists in [0, 1]. Tokens pair greedily by similarity regardless of
     * order; the score is the query's average over its tokens, times a coverage factor for the list
     * name: each of its tokens left unpaired costs {@link #UNCOVERED_TOKEN_PENALTY}, so one missing
     * middle name still matches but a query of two tokens does not hit a four-token name on two of
     * them; the cost rises to twice that as the share of common words (MUHAMMAD, ALI, JOSE…) among
     * the covered ones rises, so two common words do not hit a three-word name either (half a one-word query's share for a one-word query, where one shared word proves little).
     * In a name of three or more words one short word may differ by one letter ("KUBA" for "CUBA").
     * A person listed with a surname whose surname the query lacks entirely is someone else with the
     * same given names ({@link #SURNAME_MISSING_FACTOR}). A company's (any non-person's) name is not
     * a person's with a middle name left out: each of its words the query lacks that is not a common
     * one (its distinctive word: DALIAN TIANBAO INTERNATIONAL LOGISTICS without TIANBAO) costs twice.
     */
    static double score(
            String[] query,
            List<Set<String>> others,
            String[] name,
            boolean @org.jspecify.annotations.Nullable [] surname,
            Set<String> common,
            Map<String, Double> memo,
            boolean company) {
        int n = query.length;
        int m = name.length;
        double[][] sim = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                String a = query[i];
                String b = name[j];
                sim[i][j] = a.equals(b) ? 1 : memo.computeIfAbsent(a + "\u0000" + b, k -> tokenSimilarity(a, b));
                if (sim[i][j] < ChineseRomanizations.SIMILARITY
                        && !others.isEmpty()
                        && others.get(i).contains(b)) {
                    // The same syllables in another romanization: equal, but not as certain as the word as written.
                    sim[i][j] = ChineseRomanizations.SIMILARITY;
                }
            }
        }
        boolean[] usedQ = new boolean[n];
        boolean[] usedN = new boolean[m];
        double total = 0;
        int paired = 0;
        for (int round = 0; round < Math.min(n, m); round++) {
            double bestSim = 0;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < n; i++) {
                if (usedQ[i]) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    if (!usedN[j] && sim[i][j] > bestSim) {
                        bestSim = sim[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            usedQ[bi] = true;
            usedN[bj] = true;
            total += bestSim;
            paired++;
        }
        if (n >= 3 && m >= 3 && paired == Math.min(n, m) - 1) {
            // One word of each left over: a one-letter typo in a short word of a long name still pairs.
            for (int i = 0; i < n && paired < Math.min(n, m); i++) {
                for (int j = 0; j < m && !usedQ[i]; j++) {
                    if (!usedN[j] && oneEditApart(query[i], name[j])) {
                        usedQ[i] = true;
                        usedN[j] = true;
                        total += SHORT_TYPO_SIMILARITY;
                        paired++;
                    }
                }
            }
        }
        double queryScore = total / n;
        int uncovered = m - paired;
        // What the query did cover weighs less when it is common words only: each uncovered word costs up to twice as
        // much.
        int commonPaired = 0;
        for (int j = 0; j < m; j++) {
            if (usedN[j] && common.contains(name[j])) {
                commonPaired++;
            }
        }
        double commonShare = paired == 0 ? 0 : (double) commonPaired / paired;
        int distinctiveUncovered = 0;
        boolean romanized = false;
        for (Set<String> word : others) {
            romanized |= !word.isEmpty();
        }
        if (romanized) {
            // A Chinese name matched through another romanization: a syllable it lacks makes another given name
            // (WEI is not CHI WAI), so each listed word left over costs twice, as a company's distinctive word does.
            distinctiveUncovered = uncovered;
        } else if (company) {
            for (int j = 0; j < m; j++) {
                if (!usedN[j] && !common.contains(name[j])) {
                    distinctiveUncovered++;
                }
            }
        }
        double coverage = n == 1
                ? 1 - 0.5 * uncovered / m
                : Math.max(
                        0,
                        1
                                - UNCOVERED_TOKEN_PENALTY
                                        * ((1 + commonShare) * (uncovered - distinctiveUncovered)
                                                + 2 * distinctiveUncovered));
        double score = queryScore * coverage;
        if (surname != null) {
            boolean surnameFound = false;
            for (int j = 0; j < m; j++) {
                surnameFound |= surname[j] && usedN[j];
            }
            if (!surnameFound) {
                score *= SURNAME_MISSING_FACTOR;
            }
        }
        return score;
    }

    /** Two words of four letters or more that one substitution, insertion or deletion turns into each other. */
    static boolean oneEditApart(String a, String b) {
        if (a.length() < 4 || b.length() < 4 || Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
            return false;
        }
        return LEVENSHTEIN.apply(a, b) == 1;
    }

    /**
     * Exact for short tokens (five letters or fewer: WEI and WEN, SALIH and SALIM are two names,
     * not a typo); Jaro-Winkler of at least 0.9 for six or seven letters, above {@link #TOKEN_FLOOR}
     * for longer ones, and zero below it.
     */
    static double tokenSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() == 1 || b.length() == 1) {
            // An initial stands for any name with that first letter, but proves less than the name.
            return a.charAt(0) == b.charAt(0) ? 0.9 : 0;
        }
        if (a.length() <= 3 || b.length() <= 3) {
            return 0;
        }
        if (a.length() <= 5 || b.length() <= 5) {
            // Short names: one letter changes the name (SALIH, SALIM; ASAD, ASADI) more often than it is a
            // typo. Only in a name of three words or more may one of them differ ({@link #oneEditApart}).
            return 0;
        }
        double jw = JARO_WINKLER.apply(a, b);
        if (a.length() <= 7 || b.length() <= 7) {
            // KHALAF and KHALIL share four letters of six: two names, not a typo.
            return jw >= 0.9 ? jw : 0;
        }
        return jw >= TOKEN_FLOOR ? jw : 0;
    }

    /**
     * Ranks names of equal score: how alike the two read as written, in order (Jaro-Winkler of the
     * joined tokens), so "ZHANG WEI" for "Zhang Wei" ranks over "WEI ZHANG".
     */
    static double secondary(String[] query, String[] name) {
        return JARO_WINKLER.apply(String.join(" ", query), String.join(" ", name));
    }

    /** The key of a word as it is spelt (for spellings in another romanization, matched only exactly). */
    private static final String EXACT = "T:";

    /** A list word's keys: its blocking keys and itself. */
    private static String[] indexKeys(String token) {
        String[] keys = keys(token);
        String[] all = Arrays.copyOf(keys, keys.length + 1);
        all[keys.length] = EXACT + token;
        return all;
    }

    private static String[] keys(String token) {
        String prefix = "P:" + (token.length() <= 3 ? token : token.substring(0, 3));
        String code = METAPHONE.doubleMetaphone(token);
        List<String> keys = new ArrayList<>(3);
        keys.add(prefix);
        if (token.length() >= 5) {
            keys.add("S:" + token.substring(token.length() - 3));
        }
        if (code != null && !code.isEmpty()) {
            keys.add("M:" + code);
        }
        return keys.toArray(String[]::new);
    }

    /**
     * One list entry matched.
     *
     * @param entry       the entry
     * @param matchedName the entry's name (primary or alias) that matched best
     * @param primary     whether that was the primary name
     * @param score       0–1, three decimals
     * @param secondary   0–1, three decimals: ranks matches of equal score ({@link #secondary})
     */
    public record Match(ListEntry entry, String matchedName, boolean primary, double score, double secondary) {}
}

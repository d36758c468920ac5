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

    private final SanctionsList list;
    private final int[] nameEntry;
    private final boolean[] namePrimary;
    private final String[] nameText;
    private final String[][] nameTokens;
    private final Map<String, int[]> postings;
    /** Per-thread scratch for the blocking step, cleared after each use: no 80 KB allocation per query. */
    private final ThreadLocal<int[]> scratch;

    public ScreeningIndex(SanctionsList list) {
        this.list = list;
        List<Integer> entryOf = new ArrayList<>();
        List<Boolean> primary = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<String[]> tokens = new ArrayList<>();
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
        Map<String, List<Integer>> building = new HashMap<>();
        for (int i = 0; i < size; i++) {
            for (String token : nameTokens[i]) {
                for (String key : keys(token)) {
                    List<Integer> ids = building.computeIfAbsent(key, k -> new ArrayList<>());
                    if (ids.isEmpty() || ids.getLast() != i) {
                        ids.add(i);
                    }
                }
            }
        }
        Map<String, int[]> frozen = new HashMap<>(building.size() * 2);
        building.forEach((key, ids) -> frozen.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
        postings = frozen;
        scratch = ThreadLocal.withInitial(() -> new int[size]);
    }

    public SanctionsList list() {
        return list;
    }

    public int nameCount() {
        return nameText.length;
    }

    /**
     * The entries whose best name scores at least {@code threshold} against {@code name}, best
     * first, at most {@code limit}. {@code types} restricts the kinds of entry (empty: all).
     */
    public List<Match> screen(String name, double threshold, Set<ListEntry.EntryType> types, int limit) {
        Map<Integer, Match> best = new LinkedHashMap<>();
        for (List<String> variant : Names.variants(name)) {
            screenVariant(variant.toArray(String[]::new), threshold, types, best);
        }
        return best.values().stream().sorted(Comparator.comparingDouble(Match::score).reversed()
                .thenComparing(Comparator.comparingDouble(Match::secondary).reversed())
                .thenComparing(m -> m.entry().id())).limit(limit).toList();
    }

    private void screenVariant(String[] query, double threshold, Set<ListEntry.EntryType> types, Map<Integer, Match> best) {
        if (query.length == 0 || query.length > 30) {
            return;
        }
        int[] hitMask = scratch.get();
        int[] touched = new int[256];
        int touchedCount = 0;
        for (int q = 0; q < query.length; q++) {
            int bit = 1 << Math.min(q, 30);
            for (String key : keys(query[q])) {
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
        int need = required(query.length, threshold);
        int candidates = 0;
        for (int c = 0; c < touchedCount; c++) {
            int id = touched[c];
            if (Integer.bitCount(hitMask[id]) >= need) {
                touched[candidates++] = id;
            }
            hitMask[id] = 0;
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
            double score = score(query, nameTokens[id], memo);
            if (score < threshold) {
                continue;
            }
            double rounded = Math.round(score * 1000) / 1000.0;
            double secondary = Math.round(secondary(query, nameTokens[id]) * 1000) / 1000.0;
            Match current = best.get(nameEntry[id]);
            if (current == null || rounded > current.score() || rounded == current.score() && secondary > current.secondary()) {
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
     * Similarity of two token lists in [0, 1]: tokens paired greedily by similarity regardless of
     * order; the query's average over its tokens, lowered a little for each list-name token left
     * unpaired (more for a one-word query, where one shared word proves little).
     */
    static double score(String[] query, String[] name) {
        return score(query, name, new HashMap<>());
    }

    private static double score(String[] query, String[] name, Map<String, Double> memo) {
        int n = query.length;
        int m = name.length;
        double[][] sim = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                String a = query[i];
                String b = name[j];
                sim[i][j] = a.equals(b) ? 1 : memo.computeIfAbsent(i + "\u0000" + b, k -> tokenSimilarity(a, b));
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
        double queryScore = total / n;
        double unpairedShare = (double) (m - paired) / m;
        double penalty = n == 1 ? 0.5 : 0.15;
        return queryScore * (1 - penalty * unpairedShare);
    }

    /**
     * Exact for short tokens (three letters or fewer: WEI and WEN are two names, not a typo);
     * Jaro-Winkler above {@link #TOKEN_FLOOR} otherwise, and zero below it.
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
        double jw = JARO_WINKLER.apply(a, b);
        if (a.length() <= 5 || b.length() <= 5) {
            // Short names: one letter changes the name more often than it is a typo.
            return jw >= 0.92 ? jw : 0;
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
    public record Match(ListEntry entry, String matchedName, boolean primary, double score, double secondary) {
    }
}

package app.thaw.monitor.screening;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A tenant's screening decisions, one per (subject, list entry), the latest standing: "not a match"
 * (a compliance officer cleared a false positive: screening the same subject against the same entry
 * does not flag it again <em>while the entry stays as it was</em> — its fingerprint — and flags it
 * anew once the list changes the entry) and "true match" (kept with its evidence; it suppresses
 * nothing). Another entry, or another subject with the same name, is still screened. A decision
 * stored before entries had fingerprints suppresses that entry whatever it becomes. Every read
 * names the tenant.
 */
public interface AllowList {

    /** What an analyst decided about a (subject, entry) pair. */
    enum Decision {
        NOT_A_MATCH,
        TRUE_MATCH
    }

    /** Records a decision, replacing the pair's earlier one. */
    Mono<StoredDecision> decide(
            String tenantId,
            String subjectId,
            String listEntryId,
            @Nullable String entryFingerprint,
            Decision decision,
            String decidedBy,
            String reason,
            List<String> evidence,
            @Nullable String alertId);

    /** The subject's decisions, newest first. */
    Flux<StoredDecision> decisions(String tenantId, String subjectId);

    /**
     * The standing decisions for these (subject, entry) pairs of one tenant, keyed by
     * {@link #pair(String, String)}: one query for a page of alerts.
     */
    Mono<Map<String, StoredDecision>> standing(String tenantId, Collection<Map.Entry<String, String>> subjectAndEntry);

    /** A "not a match" for the entry as it is now ({@code entryFingerprint}; null when unknown: then for good). */
    default Mono<Void> clear(
            String tenantId,
            String subjectId,
            String listEntryId,
            @Nullable String entryFingerprint,
            String clearedBy,
            String reason) {
        return decide(
                        tenantId,
                        subjectId,
                        listEntryId,
                        entryFingerprint,
                        Decision.NOT_A_MATCH,
                        clearedBy,
                        reason,
                        List.of(),
                        null)
                .then();
    }

    /**
     * The entries this subject is cleared for, each with the fingerprint the clearing holds for
     * (null: any); "true match" decisions are not in it.
     */
    default Mono<Map<String, @Nullable String>> clearedEntries(String tenantId, String subjectId) {
        return decisions(tenantId, subjectId)
                .filter(d -> d.decision() == Decision.NOT_A_MATCH)
                .collect(HashMap::new, (map, d) -> map.put(d.listEntryId(), d.entryFingerprint()));
    }

    /** Whether a cleared pair still suppresses a hit on the entry as it is now. */
    static boolean suppresses(Map<String, @Nullable String> cleared, String listEntryId, String entryFingerprint) {
        if (!cleared.containsKey(listEntryId)) {
            return false;
        }
        String at = cleared.get(listEntryId);
        return at == null || at.equals(entryFingerprint);
    }

    /** How {@link #standing} names a (subject, entry) pair. */
    static String pair(String subjectId, String listEntryId) {
        return subjectId + "|" + listEntryId;
    }

    /**
     * A decision as stored.
     *
     * @param entryFingerprint the entry as it was decided about ({@code ListEntry#fingerprint}); null when unknown
     * @param evidence         what the analyst relied on (document ids, notes)
     * @param alertId          the alert it was decided on, if any
     */
    record StoredDecision(
            String subjectId,
            String listEntryId,
            @Nullable String entryFingerprint,
            Decision decision,
            String decidedBy,
            String reason,
            List<String> evidence,
            @Nullable String alertId,
            Instant decidedAt) {}
}

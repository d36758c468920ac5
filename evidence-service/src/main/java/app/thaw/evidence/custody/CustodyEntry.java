package app.thaw.evidence.custody;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One link of a case's custody chain: what happened (to which item, with which content hash), who
 * did it and when, and the hash of the previous link. {@code hash} covers all of it, so editing
 * any entry breaks its own hash and every later {@code previousHash}.
 *
 * @param seq           position in the case's chain, from 1
 * @param evidenceId    the item concerned, when the action is about one
 * @param contentSha256 the item's content hash at the time, for actions about one item
 * @param details       further facts (a reason, a hold id); sorted for a stable hash
 */
public record CustodyEntry(
        String tenantId,
        String caseId,
        long seq,
        CustodyAction action,
        @Nullable String evidenceId,
        @Nullable String contentSha256,
        String actor,
        Instant at,
        Map<String, String> details,
        String previousHash,
        String hash) {

    public CustodyEntry {
        details = Map.copyOf(new TreeMap<>(details));
    }
}

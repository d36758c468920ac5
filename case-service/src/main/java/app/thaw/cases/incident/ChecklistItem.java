package app.thaw.cases.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One evidence requirement of the case, tied to the freeze reason it answers ("one matter, one
 * proof"). {@code evidence} maps each evidence item sent for it to that item's own status, so an
 * item's status never depends on the order in which their events arrive.
 */
public record ChecklistItem(
        String code,
        String reason,
        String reasonZh,
        String reasonEn,
        ChecklistStatus status,
        @Nullable String rejectionReason,
        Map<String, ChecklistStatus> evidence,
        @Nullable Instant updatedAt) {

    public ChecklistItem {
        evidence = Map.copyOf(evidence);
    }

    public static ChecklistItem missing(String code, String reason, String reasonZh, String reasonEn) {
        return new ChecklistItem(code, reason, reasonZh, reasonEn, ChecklistStatus.MISSING, null, Map.of(), null);
    }

    /** The item after one evidence item reached {@code status}; a settled verdict is never undone by a late "received". */
    ChecklistItem withEvidence(String evidenceId, ChecklistStatus status, @Nullable String rejection, Instant at) {
        Map<String, ChecklistStatus> next = new LinkedHashMap<>(evidence);
        ChecklistStatus before = next.get(evidenceId);
        if (status == ChecklistStatus.RECEIVED && before != null && before != ChecklistStatus.MISSING) {
            return this;
        }
        next.put(evidenceId, status);
        ChecklistStatus summary = summarise(next);
        // A rejection is shown only while the line stands rejected: another item's verdict clears a stale one.
        return new ChecklistItem(
                code,
                reason,
                reasonZh,
                reasonEn,
                summary,
                summary != ChecklistStatus.REJECTED
                        ? null
                        : status == ChecklistStatus.REJECTED ? rejection : rejectionReason,
                next,
                at);
    }

    /** Staff setting the status by hand (until evidence-service reports it). */
    ChecklistItem withStatus(ChecklistStatus status, @Nullable String rejection, Instant at) {
        return new ChecklistItem(
                code,
                reason,
                reasonZh,
                reasonEn,
                status,
                status == ChecklistStatus.REJECTED ? rejection : null,
                evidence,
                at);
    }

    private static ChecklistStatus summarise(Map<String, ChecklistStatus> evidence) {
        if (evidence.containsValue(ChecklistStatus.ACCEPTED)) {
            return ChecklistStatus.ACCEPTED;
        }
        if (evidence.containsValue(ChecklistStatus.RECEIVED)) {
            return ChecklistStatus.RECEIVED;
        }
        return evidence.isEmpty() ? ChecklistStatus.MISSING : ChecklistStatus.REJECTED;
    }
}

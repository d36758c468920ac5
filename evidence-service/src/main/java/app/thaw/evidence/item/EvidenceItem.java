package app.thaw.evidence.item;

import java.time.Instant;
import java.time.LocalDate;

import app.thaw.evidence.casefile.CaseId;
import org.jspecify.annotations.Nullable;

/**
 * One stored file offered as proof of one requirement in one case. Its content hash is taken on
 * arrival and never changes; a verdict is given once; deletion leaves the record (a tombstone) so
 * the custody log still names what was there.
 *
 * @param answers     the freeze reason this file answers ("one matter, one proof"), when given
 * @param contentType the type sniffed from the content, refined by the declared type when compatible
 * @param blobId      the GridFS file holding the content
 * @param metadata    what the uploader declared about the document; a verdict never replaces it (what staff
 *                    read is {@link Verdict#read()})
 * @param expired     a past expiry date was recorded — declared, read by staff — or the item was rejected as EXPIRED
 * @param version     increases with every change; a write naming an older version is refused
 * @param alsoFor     further requirements the same file proves (the same content uploaded for them: one file,
 *                    several requirements)
 */
public record EvidenceItem(
        EvidenceId id,
        String tenantId,
        CaseId caseId,
        RequirementCode requirementCode,
        @Nullable String answers,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String blobId,
        String uploadedBy,
        Instant uploadedAt,
        Instant retainUntil,
        EvidenceStatus status,
        @Nullable Verdict verdict,
        @Nullable DocumentMetadata metadata,
        boolean expired,
        long version,
        java.util.List<RequirementCode> alsoFor) {

    public EvidenceItem {
        alsoFor = alsoFor == null ? java.util.List.of() : java.util.List.copyOf(alsoFor);
    }

    /**
     * A newly received item: no verdict yet. When the uploader states the document's metadata, a
     * past expiry date is flagged on arrival, before anyone reviews it.
     */
    public static EvidenceItem received(
            EvidenceId id,
            String tenantId,
            CaseId caseId,
            RequirementCode requirementCode,
            @Nullable String answers,
            String fileName,
            String contentType,
            long size,
            String sha256,
            String blobId,
            String uploadedBy,
            Instant uploadedAt,
            Instant retainUntil,
            @Nullable DocumentMetadata metadata,
            LocalDate today) {
        return new EvidenceItem(
                id,
                tenantId,
                caseId,
                requirementCode,
                answers,
                fileName,
                contentType,
                size,
                sha256,
                blobId,
                uploadedBy,
                uploadedAt,
                retainUntil,
                EvidenceStatus.RECEIVED,
                null,
                metadata,
                metadata != null && metadata.expiredOn(today),
                0,
                java.util.List.of());
    }

    /**
     * Records a staff verdict with what staff read off the document, beside what the uploader
     * declared (kept as it was). A past expiry date — declared or read — or a rejection as EXPIRED
     * is flagged whatever else the verdict says, so the holder, the case and the dossier see it.
     */
    public EvidenceItem decide(Verdict verdict, @Nullable DocumentMetadata read, LocalDate today) {
        requireLive();
        if (status != EvidenceStatus.RECEIVED) {
            throw new EvidenceAlreadyDecided(id, status);
        }
        Verdict recorded = verdict.reading(read);
        boolean nowExpired = expired
                || metadata != null && metadata.expiredOn(today)
                || recorded.read() != null && recorded.read().expiredOn(today)
                || recorded.reason() == RejectionReason.EXPIRED;
        return next(
                verdict.accepted() ? EvidenceStatus.VERIFIED : EvidenceStatus.REJECTED, recorded, nowExpired, alsoFor);
    }

    /** Every requirement this file proves: the one it was uploaded for, then the ones linked later. */
    public java.util.List<RequirementCode> requirements() {
        java.util.List<RequirementCode> all = new java.util.ArrayList<>();
        all.add(requirementCode);
        all.addAll(alsoFor);
        return all;
    }

    /** Whether this file already proves {@code requirement}. */
    public boolean proves(RequirementCode requirement) {
        return requirementCode == requirement || alsoFor.contains(requirement);
    }

    /** The same content arrived for another requirement: this file proves that one too. */
    public EvidenceItem linkedTo(RequirementCode requirement) {
        requireLive();
        if (proves(requirement)) {
            return this;
        }
        java.util.List<RequirementCode> more = new java.util.ArrayList<>(alsoFor);
        more.add(requirement);
        return next(status, verdict, expired, more);
    }

    /** The content is gone; the record stays. The caller has checked that no legal hold covers the case. */
    public EvidenceItem deleted() {
        requireLive();
        return next(EvidenceStatus.DELETED, verdict, expired, alsoFor);
    }

    /** This item's next version: the file's facts as they were, its state as given. */
    private EvidenceItem next(
            EvidenceStatus status,
            @Nullable Verdict verdict,
            boolean expired,
            java.util.List<RequirementCode> alsoFor) {
        return new EvidenceItem(
                id,
                tenantId,
                caseId,
                requirementCode,
                answers,
                fileName,
                contentType,
                size,
                sha256,
                blobId,
                uploadedBy,
                uploadedAt,
                retainUntil,
                status,
                verdict,
                metadata,
                expired,
                version + 1,
                alsoFor);
    }

    public boolean isDeleted() {
        return status == EvidenceStatus.DELETED;
    }

    public void requireLive() {
        if (isDeleted()) {
            throw new EvidenceDeleted(id);
        }
    }
}

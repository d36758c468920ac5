package app.thaw.evidence.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One stored file offered as proof of one requirement in one case. Its content hash is taken on
 * arrival and never changes; a verdict is given once; deletion leaves the record (a tombstone) so
 * the custody log still names what was there.
 *
 * @param answers     the freeze reason this file answers ("one matter, one proof"), when given
 * @param contentType the type sniffed from the content, refined by the declared type when compatible
 * @param blobId      the GridFS file holding the content
 * @param expired     a past expiry date was recorded in {@link #metadata()}
 * @param version     increases with every change; a write naming an older version is refused
 */
public record EvidenceItem(EvidenceId id, String tenantId, CaseId caseId, RequirementCode requirementCode,
                           @Nullable String answers, String fileName, String contentType, long size, String sha256,
                           String blobId, String uploadedBy, Instant uploadedAt, Instant retainUntil,
                           EvidenceStatus status, @Nullable Verdict verdict, @Nullable DocumentMetadata metadata,
                           boolean expired, long version) {

    /**
     * A newly received item: no verdict yet. When the uploader states the document's metadata, a
     * past expiry date is flagged on arrival, before anyone reviews it.
     */
    public static EvidenceItem received(EvidenceId id, String tenantId, CaseId caseId, RequirementCode requirementCode,
                                        @Nullable String answers, String fileName, String contentType, long size,
                                        String sha256, String blobId, String uploadedBy, Instant uploadedAt,
                                        Instant retainUntil, @Nullable DocumentMetadata metadata, LocalDate today) {
        return new EvidenceItem(id, tenantId, caseId, requirementCode, answers, fileName, contentType, size, sha256,
                blobId, uploadedBy, uploadedAt, retainUntil, EvidenceStatus.RECEIVED, null, metadata,
                metadata != null && metadata.expiredOn(today), 0);
    }

    /**
     * Records a staff verdict and what staff read off the document. A past expiry date is flagged
     * whatever the verdict, so the holder and the case see it.
     */
    public EvidenceItem decide(Verdict verdict, DocumentMetadata metadata, LocalDate today) {
        requireLive();
        if (status != EvidenceStatus.RECEIVED) {
            throw new EvidenceAlreadyDecided(id, status);
        }
        return new EvidenceItem(id, tenantId, caseId, requirementCode, answers, fileName, contentType, size, sha256,
                blobId, uploadedBy, uploadedAt, retainUntil,
                verdict.accepted() ? EvidenceStatus.VERIFIED : EvidenceStatus.REJECTED, verdict, metadata,
                metadata.expiredOn(today), version + 1);
    }

    /** The content is gone; the record stays. The caller has checked that no legal hold covers the case. */
    public EvidenceItem deleted() {
        requireLive();
        return new EvidenceItem(id, tenantId, caseId, requirementCode, answers, fileName, contentType, size, sha256,
                blobId, uploadedBy, uploadedAt, retainUntil, EvidenceStatus.DELETED, verdict, metadata, expired,
                version + 1);
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

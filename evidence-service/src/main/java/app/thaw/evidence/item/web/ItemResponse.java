package app.thaw.evidence.item.web;

import java.time.Instant;
import java.time.LocalDate;

import app.thaw.evidence.item.DocumentMetadata;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.Verdict;
import org.jspecify.annotations.Nullable;

/** An evidence item as the API shows it. */
public record ItemResponse(
        String id,
        String caseId,
        String requirementCode,
        java.util.List<String> requirementCodes,
        @Nullable String answers,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String status,
        String uploadedBy,
        Instant uploadedAt,
        Instant retainUntil,
        @Nullable VerdictResponse verdict,
        @Nullable MetadataResponse metadata,
        boolean expired,
        long version) {

    /** A verdict, and what its author read off the document ({@code read}; the uploader's declaration stays in {@code metadata}). */
    public record VerdictResponse(
            boolean accepted,
            @Nullable String reasonCode,
            @Nullable String note,
            String by,
            Instant at,
            @Nullable MetadataResponse read) {}

    public record MetadataResponse(
            @Nullable String documentType,
            @Nullable String nameOnDocument,
            @Nullable LocalDate expiryDate) {

        static @Nullable MetadataResponse of(@Nullable DocumentMetadata metadata) {
            return metadata == null
                    ? null
                    : new MetadataResponse(metadata.documentType(), metadata.nameOnDocument(), metadata.expiryDate());
        }
    }

    public static ItemResponse of(EvidenceItem item) {
        Verdict verdict = item.verdict();
        DocumentMetadata metadata = item.metadata();
        return new ItemResponse(
                item.id().value(),
                item.caseId().value(),
                item.requirementCode().name(),
                item.requirements().stream().map(Enum::name).toList(),
                item.answers(),
                item.fileName(),
                item.contentType(),
                item.size(),
                item.sha256(),
                item.status().name(),
                item.uploadedBy(),
                item.uploadedAt(),
                item.retainUntil(),
                verdict == null
                        ? null
                        : new VerdictResponse(
                                verdict.accepted(),
                                verdict.reason() == null
                                        ? null
                                        : verdict.reason().name(),
                                verdict.note(),
                                verdict.by(),
                                verdict.at(),
                                MetadataResponse.of(verdict.read())),
                MetadataResponse.of(metadata),
                item.expired(),
                item.version());
    }
}

package app.thaw.evidence.upload;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.thaw.evidence.casefile.Actors;
import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.EvidenceProperties;
import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.content.UploadProperties;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.events.EvidenceEventMapper;
import app.thaw.evidence.item.DocumentMetadata;
import app.thaw.evidence.item.EvidenceId;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.item.ItemCustody;
import app.thaw.evidence.item.RequirementCode;
import app.thaw.evidence.item.UploadCustody;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.plans.Quotas;
import app.thaw.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Receives one file for a case and a requirement: streams it into the store while hashing,
 * sizing and sniffing it, then records the item with its {@code thaw.evidence.received} event and
 * a custody entry. The same content twice in one case gives back the first item and keeps no
 * second copy and no second custody entry (only a real effect is custody); sent for another
 * requirement, that first item is linked to it too (one file, two requirements), with a
 * {@code thaw.evidence.received} for the new requirement and an UPLOADED custody entry naming it.
 */
@Service
public class Uploads {

    private final CaseAccess access;
    private final BlobStore blobs;
    private final EvidenceItems items;
    private final ContentInspector inspector;
    private final ItemCustody custody;
    private final UploadCustody uploadCustody;
    private final EvidenceEventMapper events;
    private final AuditLog audit;
    private final EvidenceProperties properties;
    private final UploadProperties uploading;
    private final Clock clock;
    private final Quotas quotas;
    /** The plan quota on evidence stored in a month (thaw/plans.yaml, in MiB; metered in bytes, ADR 62). */
    public static final String STORAGE_QUOTA = "evidenceStorageMb";

    Uploads(
            CaseAccess access,
            BlobStore blobs,
            EvidenceItems items,
            ContentInspector inspector,
            ItemCustody custody,
            UploadCustody uploadCustody,
            EvidenceEventMapper events,
            AuditLog audit,
            EvidenceProperties properties,
            UploadProperties uploading,
            Clock clock,
            Quotas quotas) {
        this.uploading = uploading;
        this.quotas = quotas;
        this.uploadCustody = uploadCustody;
        this.access = access;
        this.blobs = blobs;
        this.items = items;
        this.inspector = inspector;
        this.custody = custody;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** What arrived with the content. */
    public record Upload(
            CaseId caseId,
            RequirementCode requirementCode,
            @Nullable String answers,
            @Nullable String fileName,
            @Nullable String declaredType,
            long declaredLength,
            @Nullable DocumentMetadata metadata) {}

    /**
     * The stored item, and whether this upload created it (false: the same content was already there);
     * {@code linked}: the existing item was linked to this upload's requirement.
     */
    public record Outcome(EvidenceItem item, boolean created, boolean linked) {

        public Outcome(EvidenceItem item, boolean created) {
            this(item, created, false);
        }
    }

    /** Checks access and the declared length before a byte is read; then streams. */
    public Mono<Void> admit(Caller caller, CaseId caseId, long declaredLength) {
        return access.open(caller, caseId)
                .doOnNext(file -> {
                    long limit = properties
                            .forTenant(file.tenantId())
                            .maxUploadSize()
                            .toBytes();
                    if (declaredLength > limit) {
                        throw new EvidenceTooLarge(limit);
                    }
                })
                .then();
    }

    public Mono<Outcome> upload(Caller caller, Upload upload, Flux<DataBuffer> content) {
        return access.open(caller, upload.caseId()).flatMap(file -> {
            EvidenceProperties.TenantSettings settings = properties.forTenant(file.tenantId());
            long limit = settings.maxUploadSize().toBytes();
            if (upload.declaredLength() > limit) {
                return Mono.error(new EvidenceTooLarge(limit));
            }
            String fileName = FileNames.sanitise(upload.fileName());
            StreamingUpload stream = new StreamingUpload(
                    limit,
                    (int) uploading.sniffBytes().toBytes(),
                    blobs.chunkSize(),
                    inspector,
                    fileName,
                    upload.declaredType());
            String blobId = blobs.newId();
            return blobs.write(blobId, fileName, stream.pipe(content))
                    .then(stream.result())
                    .flatMap(result -> {
                        Instant now = clock.instant();
                        EvidenceItem item = EvidenceItem.received(
                                EvidenceId.newId(),
                                file.tenantId(),
                                upload.caseId(),
                                upload.requirementCode(),
                                upload.answers(),
                                fileName,
                                result.contentType(),
                                result.size(),
                                result.sha256(),
                                blobId,
                                Actors.name(caller),
                                now,
                                now.plus(settings.retention()),
                                upload.metadata(),
                                java.time.LocalDate.ofInstant(now, settings.timeZone()));
                        // The month's storage quota takes the file's bytes (429 quota_exceeded past it: the blob is
                        // deleted below); a file not kept (the same content already there, a failed insert) gives them
                        // back.
                        return quotas.consume(file.tenantId(), STORAGE_QUOTA, result.size())
                                .then(items.insert(item, List.of(events.received(item)))
                                        .onErrorResume(
                                                failure -> quotas.release(file.tenantId(), STORAGE_QUOTA, result.size())
                                                        .then(Mono.error(failure))))
                                .map(saved -> new Outcome(saved, true))
                                // Same content already in this case: keep the first, drop this copy.
                                .onErrorResume(
                                        DuplicateKeyException.class,
                                        duplicate -> blobs.delete(blobId)
                                                .then(items.findByContent(
                                                        file.tenantId(), upload.caseId(), result.sha256()))
                                                .flatMap(existing -> existing.proves(upload.requirementCode())
                                                        ? Mono.just(new Outcome(existing, false))
                                                        : linkTo(
                                                                existing.linkedTo(upload.requirementCode()),
                                                                upload.requirementCode())))
                                // Nothing recorded: the content must not stay behind either.
                                .onErrorResume(
                                        failure -> !(failure instanceof DuplicateKeyException),
                                        failure -> blobs.delete(blobId).then(Mono.error(failure)))
                                // Custody records what happened to evidence: a duplicate changed nothing, so it adds
                                // no entry (50 identical uploads are one UPLOADED entry); linking the file to another
                                // requirement is a real effect and is recorded. The audit log notes every attempt.
                                // The item is stored marked custody-pending (ADR 57): if this instance dies before
                                // the entry, the repair writes it; the mark goes once the entry is in the chain.
                                .flatMap(outcome -> (outcome.created()
                                                ? uploadCustody
                                                        .uploaded(
                                                                outcome.item(),
                                                                Actors.name(caller),
                                                                Map.of(
                                                                        "fileName",
                                                                        fileName,
                                                                        "size",
                                                                        Long.toString(result.size()),
                                                                        "contentType",
                                                                        result.contentType()))
                                                        .then()
                                                : outcome.linked()
                                                        ? custody.record(
                                                                        outcome.item(),
                                                                        CustodyAction.UPLOADED,
                                                                        Actors.name(caller),
                                                                        Map.of(
                                                                                "fileName",
                                                                                fileName,
                                                                                "duplicateOf",
                                                                                outcome.item()
                                                                                        .id()
                                                                                        .value(),
                                                                                "linkedRequirement",
                                                                                upload.requirementCode()
                                                                                        .name()))
                                                                .then()
                                                        : Mono.<Void>empty())
                                        .then(audit.record(
                                                "evidence.uploaded",
                                                "evidence",
                                                outcome.item().id().value(),
                                                Map.of(
                                                        "caseId",
                                                        upload.caseId().value(),
                                                        "sha256",
                                                        result.sha256(),
                                                        "duplicate",
                                                        !outcome.created(),
                                                        "linked",
                                                        outcome.linked())))
                                        .thenReturn(outcome));
                    });
        });
    }

    /** Records that a file already in the case also proves {@code requirement}, with its event (at the item's new version). */
    private Mono<Outcome> linkTo(EvidenceItem linked, RequirementCode requirement) {
        return items.update(linked, List.of(events.linked(linked, requirement)))
                .map(saved -> new Outcome(saved, false, true));
    }
}

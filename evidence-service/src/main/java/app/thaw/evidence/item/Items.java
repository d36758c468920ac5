package app.thaw.evidence.item;

import java.util.List;
import java.util.Map;

import app.thaw.evidence.casefile.Actors;
import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.content.BlobStore;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading, listing and deleting items; each view and deletion goes into the custody log. */
@Service
public class Items {

    private final ItemAccess access;
    private final CaseAccess cases;
    private final EvidenceItems items;
    private final BlobStore blobs;
    private final ItemCustody custody;
    private final AuditLog audit;

    Items(
            ItemAccess access,
            CaseAccess cases,
            EvidenceItems items,
            BlobStore blobs,
            ItemCustody custody,
            AuditLog audit) {
        this.access = access;
        this.cases = cases;
        this.items = items;
        this.blobs = blobs;
        this.custody = custody;
        this.audit = audit;
    }

    public Mono<EvidenceItem> view(Caller caller, EvidenceId id) {
        return access.open(caller, id)
                .flatMap(opened -> custody.record(opened.item(), CustodyAction.VIEWED, Actors.name(caller), Map.of())
                        .thenReturn(opened.item()));
    }

    public Flux<EvidenceItem> list(Caller caller, CaseId caseId, @Nullable String after, int limit) {
        return cases.open(caller, caseId).flatMapMany(file -> items.page(file.tenantId(), caseId, after, limit));
    }

    /**
     * Deletes an item's content and marks its record deleted. Refused for every role while the
     * case is under legal hold.
     */
    public Mono<EvidenceItem> delete(Caller caller, EvidenceId id, @Nullable Long expectedVersion) {
        if (!caller.hasAnyRole(
                ThawRoles.MERCHANT_ADMIN,
                ThawRoles.STAFF_SUPERVISOR,
                ThawRoles.COMPLIANCE_OFFICER,
                ThawRoles.PLATFORM_ADMIN)) {
            return Mono.error(new ThawProblem(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Deleting evidence needs merchant_admin, staff_supervisor, compliance_officer or platform_admin."));
        }
        return access.open(caller, id).flatMap(opened -> {
            EvidenceItem item = opened.item();
            if (expectedVersion != null && expectedVersion != item.version()) {
                return Mono.error(new ThawProblem(
                        HttpStatus.CONFLICT,
                        "version_conflict",
                        "Evidence " + id + " is at version " + item.version() + ", not " + expectedVersion + "."));
            }
            return remove(opened.caseFile(), item, Actors.name(caller), "requested")
                    .flatMap(deleted -> audit.record(
                                    "evidence.deleted",
                                    "evidence",
                                    id.value(),
                                    Map.of("caseId", item.caseId().value()))
                            .thenReturn(deleted));
        });
    }

    /** Deletes content and marks the record, checking the hold first; used by people and by retention. */
    public Mono<EvidenceItem> remove(CaseFile caseFile, EvidenceItem item, String actor, String reason) {
        return Mono.fromRunnable(caseFile::requireNotHeld)
                .then(Mono.fromCallable(item::deleted))
                .flatMap(deleted -> items.update(deleted, List.of()))
                .flatMap(deleted -> blobs.delete(deleted.blobId())
                        .then(custody.record(deleted, CustodyAction.DELETED, actor, Map.of("reason", reason)))
                        .thenReturn(deleted));
    }
}

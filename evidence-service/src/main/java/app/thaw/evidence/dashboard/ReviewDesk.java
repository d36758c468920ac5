package app.thaw.evidence.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Set;

import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.custody.CustodyLog;
import app.thaw.evidence.domain.CaseFile;
import app.thaw.evidence.domain.CaseId;
import app.thaw.evidence.domain.CustodyEntry;
import app.thaw.evidence.domain.EvidenceId;
import app.thaw.evidence.domain.EvidenceItem;
import app.thaw.evidence.domain.RequirementCode;
import app.thaw.evidence.item.Actors;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.item.ItemAccess;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.ThawRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What staff see on the evidence dashboard. Staff reach every tenant's cases as in the API; a
 * compliance case ({@value #RESTRICTED_SCENARIO}) is for compliance officers and platform
 * administrators only (DOMAIN §9, journey 3): absent from everyone else's queue, 404 by URL, and
 * the refused attempt audited.
 */
@Service
public class ReviewDesk {

    public static final String RESTRICTED_SCENARIO = "COMPLIANCE_HOLD";
    private static final Set<String> RESTRICTED = Set.of(RESTRICTED_SCENARIO);

    private final CaseAccess cases;
    private final ItemAccess items;
    private final EvidenceItems evidence;
    private final CaseFiles caseFiles;
    private final CustodyLog custody;
    private final AuditLog audit;

    ReviewDesk(CaseAccess cases, ItemAccess items, EvidenceItems evidence, CaseFiles caseFiles, CustodyLog custody,
               AuditLog audit) {
        this.cases = cases;
        this.items = items;
        this.evidence = evidence;
        this.caseFiles = caseFiles;
        this.custody = custody;
        this.audit = audit;
    }

    /** The queue's filters: one case, one requirement, the expiry flag (null: any). */
    public record Filter(@Nullable CaseId caseId, @Nullable RequirementCode requirement, @Nullable Boolean expired) {
    }

    /** One page of the queue; {@code more} when a next page exists. */
    public record Page(List<EvidenceItem> items, int page, int size, boolean more) {
    }

    /** Whether the caller works from the dashboard at all (staff roles only; anyone else gets 404). */
    public static boolean isStaff(Caller caller) {
        return Actors.isStaff(caller);
    }

    public static boolean seesRestricted(Caller caller) {
        return caller.hasAnyRole(ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN);
    }

    /** Items awaiting a verdict, oldest first, {@code size} per page (page 0 first). */
    public Mono<Page> queue(Caller caller, Filter filter, int page, int size) {
        if (!isStaff(caller)) {
            return Mono.error(notFound());
        }
        Mono<List<String>> excluded = seesRestricted(caller) ? Mono.just(List.of()) : caseFiles.caseIdsIn(RESTRICTED).collectList();
        return excluded.flatMap(hidden -> evidence.awaitingVerdict(hidden, filter.caseId(), filter.requirement(), filter.expired(),
                        (long) page * size, size + 1).collectList())
                .map(found -> new Page(found.size() > size ? found.subList(0, size) : found, page, size, found.size() > size));
    }

    /** The case, if the caller may see it here. */
    public Mono<CaseFile> openCase(Caller caller, CaseId caseId) {
        if (!isStaff(caller)) {
            return Mono.error(CaseAccess.notFound(caseId));
        }
        return cases.open(caller, caseId).flatMap(file -> visible(caller, file));
    }

    /** The item (no custody entry: that is for reading it), if the caller may see its case here. */
    public Mono<ItemAccess.Opened> openItem(Caller caller, EvidenceId id) {
        if (!isStaff(caller)) {
            return Mono.error(notFound());
        }
        return items.open(caller, id).flatMap(opened -> visible(caller, opened.caseFile()).thenReturn(opened));
    }

    /** Entries of the case's custody log after {@code afterSeq}, oldest first, at most {@code limit}. */
    public Mono<List<CustodyEntry>> custody(CaseFile file, long afterSeq, int limit) {
        return custody.page(file.caseId().value(), afterSeq, limit).collectList();
    }

    private Mono<CaseFile> visible(Caller caller, CaseFile file) {
        if (!RESTRICTED.contains(file.scenario()) || seesRestricted(caller)) {
            return Mono.just(file);
        }
        return audit.record("evidence.restricted_access_refused", "case", file.caseId().value(),
                        Map.of("scenario", file.scenario(), "via", "dashboard"))
                .then(Mono.error(CaseAccess.notFound(file.caseId())));
    }

    private static ThawProblem notFound() {
        return new ThawProblem(HttpStatus.NOT_FOUND, "not_found", "Nothing here.");
    }
}

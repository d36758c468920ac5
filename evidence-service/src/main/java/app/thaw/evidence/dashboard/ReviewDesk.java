package app.thaw.evidence.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.thaw.evidence.casefile.Actors;
import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.custody.CustodyEntry;
import app.thaw.evidence.custody.CustodyLog;
import app.thaw.evidence.item.EvidenceId;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.item.ItemAccess;
import app.thaw.evidence.item.RequirementCode;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What staff see on the evidence dashboard. Staff reach every tenant's cases as in the API,
 * through the same {@link CaseAccess}: a compliance case is for compliance officers and platform
 * administrators only — absent from everyone else's queue, 404 by URL, the attempt audited.
 */
@Service
public class ReviewDesk {

    private final CaseAccess cases;
    private final ItemAccess items;
    private final EvidenceItems evidence;
    private final CaseFiles caseFiles;
    private final CustodyLog custody;
    private final CaseLabels labels;

    ReviewDesk(
            CaseAccess cases,
            ItemAccess items,
            EvidenceItems evidence,
            CaseFiles caseFiles,
            CustodyLog custody,
            CaseLabels labels) {
        this.labels = labels;
        this.cases = cases;
        this.items = items;
        this.evidence = evidence;
        this.caseFiles = caseFiles;
        this.custody = custody;
    }

    /** The queue's filters: one case, one requirement, the expiry flag (null: any). */
    public record Filter(
            @Nullable CaseId caseId,
            @Nullable RequirementCode requirement,
            @Nullable Boolean expired) {}

    /** One page of the queue; {@code more} when a next page exists; {@code labels}: each item's case number and holder, by case id. */
    public record Page(
            List<EvidenceItem> items, int page, int size, boolean more, Map<String, CaseLabels.Label> labels) {

        /** The label of an item's case (both parts unknown when case-service's events did not carry them). */
        public CaseLabels.Label label(EvidenceItem item) {
            return labels.getOrDefault(item.caseId().value(), new CaseLabels.Label(null, null));
        }
    }

    /** Whether the caller works from the dashboard at all (staff roles only; anyone else gets 404). */
    public static boolean isStaff(Caller caller) {
        return Actors.isStaff(caller);
    }

    public static boolean seesRestricted(Caller caller) {
        return CaseAccess.seesRestricted(caller);
    }

    /** Items awaiting a verdict, oldest first, {@code size} per page (page 0 first). */
    public Mono<Page> queue(Caller caller, Filter filter, int page, int size) {
        if (!isStaff(caller)) {
            return Mono.error(notFound());
        }
        Mono<List<String>> excluded = seesRestricted(caller)
                ? Mono.just(List.of())
                : caseFiles.caseIdsIn(CaseAccess.RESTRICTED).collectList();
        return excluded.flatMap(hidden -> evidence.awaitingVerdict(
                                hidden,
                                filter.caseId(),
                                filter.requirement(),
                                filter.expired(),
                                (long) page * size,
                                size + 1)
                        .collectList())
                .flatMap(found -> {
                    List<EvidenceItem> shown = found.size() > size ? found.subList(0, size) : found;
                    return labels.of(shown.stream()
                                    .map(item -> item.caseId().value())
                                    .distinct()
                                    .toList())
                            .map(known -> new Page(shown, page, size, found.size() > size, known));
                });
    }

    /** The case, if the caller may see it here. */
    public Mono<CaseFile> openCase(Caller caller, CaseId caseId) {
        if (!isStaff(caller)) {
            return Mono.error(CaseAccess.notFound(caseId));
        }
        return cases.open(caller, caseId);
    }

    /** The case's number and holder, as far as case-service's events told them. */
    public Mono<CaseLabels.Label> label(CaseFile file) {
        return labels.of(file.tenantId(), file.caseId().value());
    }

    /**
     * The number and holder of a case the caller may open here, for the queue's link to its evidence page;
     * empty when the case is unknown or not theirs to see (a compliance case for an agent: no link, so
     * its number and holder are not shown either, and the attempt is audited as any opening is).
     */
    public Mono<Optional<CaseLabels.Label>> openableLabel(Caller caller, CaseId caseId) {
        return openCase(caller, caseId)
                .flatMap(this::label)
                .map(Optional::of)
                .onErrorResume(
                        ThawProblem.class,
                        problem -> problem.status().value() == HttpStatus.NOT_FOUND.value()
                                ? Mono.just(Optional.empty())
                                : Mono.error(problem));
    }

    /** The item (no custody entry: that is for reading it), if the caller may see its case here. */
    public Mono<ItemAccess.Opened> openItem(Caller caller, EvidenceId id) {
        if (!isStaff(caller)) {
            return Mono.error(notFound());
        }
        return items.open(caller, id);
    }

    /** Entries of the case's custody log after {@code afterSeq}, oldest first, at most {@code limit}. */
    public Mono<List<CustodyEntry>> custody(CaseFile file, long afterSeq, int limit) {
        return custody.page(file.tenantId(), file.caseId().value(), afterSeq, limit)
                .collectList();
    }

    private static ThawProblem notFound() {
        return new ThawProblem(HttpStatus.NOT_FOUND, "not_found", "Nothing here.");
    }
}

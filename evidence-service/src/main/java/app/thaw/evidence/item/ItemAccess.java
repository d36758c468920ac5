package app.thaw.evidence.item;

import app.thaw.evidence.domain.CaseFile;
import app.thaw.evidence.domain.EvidenceId;
import app.thaw.evidence.domain.EvidenceItem;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds an item by id for a caller: allowed only through its case (see {@code CaseAccess}); 404 otherwise. */
@Component
public class ItemAccess {

    private final EvidenceItems items;
    private final CaseOpener cases;

    public ItemAccess(EvidenceItems items, CaseOpener cases) {
        this.items = items;
        this.cases = cases;
    }

    public Mono<Opened> open(Caller caller, EvidenceId id) {
        return items.findAnyTenant(id)
                .flatMap(item -> cases.open(caller, item.caseId())
                        .filter(file -> file.tenantId().equals(item.tenantId()))
                        .map(file -> new Opened(file, item)))
                .switchIfEmpty(Mono.error(() -> new ThawProblem(HttpStatus.NOT_FOUND, "not_found", "No evidence " + id + " here.")));
    }

    /** An item with the case it belongs to. */
    public record Opened(CaseFile caseFile, EvidenceItem item) {
    }

    /** Opens a case for a caller (implemented by the case files' access rules). */
    public interface CaseOpener {
        Mono<CaseFile> open(Caller caller, app.thaw.evidence.domain.CaseId caseId);
    }
}

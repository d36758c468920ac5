package app.thaw.evidence.item;

import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseFile;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.security.Caller;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds an item by id for a caller: the read names the tenants the caller reaches, then the item's
 * case is opened by the case access rules ({@link CaseAccess}, with its audit); 404 otherwise.
 */
@Component
public class ItemAccess {

    private final EvidenceItems items;
    private final CaseAccess cases;

    public ItemAccess(EvidenceItems items, CaseAccess cases) {
        this.items = items;
        this.cases = cases;
    }

    public Mono<Opened> open(Caller caller, EvidenceId id) {
        return cases.scopeOf(caller)
                .flatMap(scope -> items.find(scope, id))
                .flatMap(item -> cases.open(caller, item.caseId())
                        .filter(file -> file.tenantId().equals(item.tenantId()))
                        .map(file -> new Opened(file, item)))
                .switchIfEmpty(Mono.error(() -> new NotFound("evidence", id.value())));
    }

    /** An item with the case it belongs to. */
    public record Opened(CaseFile caseFile, EvidenceItem item) {}
}

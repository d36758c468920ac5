package app.thaw.evidence.item;

import java.util.Map;

import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.custody.CustodyEntry;
import app.thaw.evidence.custody.CustodyLog;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What happened to one item, appended to its case's custody log with the item's content hash. */
@Component
public class ItemCustody {

    private final CustodyLog log;

    ItemCustody(CustodyLog log) {
        this.log = log;
    }

    public Mono<CustodyEntry> record(
            EvidenceItem item, CustodyAction action, String actor, Map<String, String> details) {
        return log.append(
                item.tenantId(), item.caseId().value(), action, item.id().value(), item.sha256(), actor, details);
    }
}

package app.thaw.evidence.item;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.content.UploadProperties;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.custody.CustodyEntry;
import app.thaw.evidence.custody.CustodyLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps an upload's item and its UPLOADED custody entry consistent although they are two writes
 * (ADR 57). The item is stored marked "custody pending"; the entry is appended, then the mark goes.
 * An instance that dies in between leaves the mark, and the repair — the reaper's loop, and every
 * custody verification of the case — appends the entry the upload owed (unless it is there already:
 * the instance died after the append) and clears the mark. Young marks are left to their upload,
 * which may still be on its way to the log.
 */
@Service
public class UploadCustody {

    private static final Logger log = LoggerFactory.getLogger(UploadCustody.class);
    private static final int BATCH = 500;

    private final ItemCustody custody;
    private final CustodyLog chain;
    private final EvidenceItems items;
    private final UploadProperties settings;
    private final Clock clock;

    UploadCustody(ItemCustody custody, CustodyLog chain, EvidenceItems items, UploadProperties settings, Clock clock) {
        this.custody = custody;
        this.chain = chain;
        this.items = items;
        this.settings = settings;
        this.clock = clock;
    }

    /** The upload's own entry, then the item's mark cleared. */
    public Mono<CustodyEntry> uploaded(EvidenceItem item, String actor, Map<String, String> details) {
        return custody.record(item, CustodyAction.UPLOADED, actor, details)
                .flatMap(entry ->
                        items.custodyRecorded(item.tenantId(), item.id()).thenReturn(entry));
    }

    /**
     * Writes the entries uploads died before writing, for items marked longer than the grace, of
     * every case. Answers how many items it settled.
     */
    public Mono<Long> repairAll() {
        return repair(null, null);
    }

    /** As {@link #repairAll()}, for one case. */
    public Mono<Long> repair(CaseFile file) {
        return repair(file.tenantId(), file.caseId());
    }

    private Mono<Long> repair(@Nullable String tenantId, app.thaw.evidence.casefile.@Nullable CaseId caseId) {
        Instant before = clock.instant().minus(settings.custodyGrace());
        return items.custodyPending(tenantId, caseId, before, BATCH)
                .concatMap(item -> chain.holds(
                                item.tenantId(),
                                item.caseId().value(),
                                CustodyAction.UPLOADED,
                                "evidenceId",
                                item.id().value())
                        .flatMap(logged -> logged ? Mono.<Void>empty() : owedEntry(item))
                        .then(items.custodyRecorded(item.tenantId(), item.id()))
                        .thenReturn(1L))
                .count();
    }

    private Mono<Void> owedEntry(EvidenceItem item) {
        log.warn(
                "Evidence {} of case {} was stored without its custody entry (its upload died in between); recording it now",
                item.id().value(),
                item.caseId().value());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("fileName", item.fileName());
        details.put("size", Long.toString(item.size()));
        details.put("contentType", item.contentType());
        details.put("uploadedAt", item.uploadedAt().toString());
        details.put("recordedLate", "true");
        return custody.record(item, CustodyAction.UPLOADED, item.uploadedBy(), details)
                .then();
    }
}

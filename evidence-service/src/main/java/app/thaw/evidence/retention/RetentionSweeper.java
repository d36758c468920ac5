package app.thaw.evidence.retention;

import java.time.Clock;
import java.time.Instant;

import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.casefile.UnderLegalHold;
import app.thaw.evidence.item.EvidenceItem;
import app.thaw.evidence.item.EvidenceItems;
import app.thaw.evidence.item.Items;
import app.thaw.platform.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes evidence whose retention ran out (each item's {@code retainUntil}, set at upload from
 * its tenant's retention period). Items are claimed one at a time with a lease, so several
 * instances never delete the same item together. An item under legal hold stays: its claim is
 * simply left to lapse, and it is tried again after the lease, once the hold may be released.
 * Each deletion is recorded in the custody log ("retention") and the audit log.
 */
@Component
public class RetentionSweeper {

    public static final String ACTOR = "system/retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    private final EvidenceItems items;
    private final CaseFiles cases;
    private final Items deletions;
    private final AuditLog audit;
    private final RetentionProperties settings;
    private final Clock clock;

    RetentionSweeper(
            EvidenceItems items,
            CaseFiles cases,
            Items deletions,
            AuditLog audit,
            RetentionProperties settings,
            Clock clock) {
        this.items = items;
        this.cases = cases;
        this.deletions = deletions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass: deletes up to {@code batch-size} expired, unheld items; returns how many. */
    public Mono<Long> sweepOnce() {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(settings.lease());
        return items.claimExpired(now, leaseUntil)
                .expand(claimed -> items.claimExpired(now, leaseUntil))
                .take(settings.batchSize())
                .concatMap(item -> expire(item)
                        .onErrorResume(UnderLegalHold.class, held -> Mono.just(false))
                        .onErrorResume(failure -> {
                            log.warn(
                                    "Retention could not delete {}; it is tried again after the lease",
                                    item.id(),
                                    failure);
                            return Mono.just(false);
                        }))
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> expire(EvidenceItem item) {
        return cases.find(item.tenantId(), item.caseId())
                .flatMap(file -> deletions.remove(file, item, ACTOR, "retention expired " + item.retainUntil()))
                .flatMap(deleted -> audit.recordSystem(
                                deleted.tenantId(),
                                "evidence.retention_deleted",
                                "evidence",
                                deleted.id().value(),
                                java.util.Map.of("caseId", deleted.caseId().value()))
                        .thenReturn(true));
    }
}

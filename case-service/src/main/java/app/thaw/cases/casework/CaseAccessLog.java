package app.thaw.cases.casework;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Who accessed a case, read from the audit log whatever tenant the reader acted in: cross-tenant
 * staff reads and refused attempts on a restricted case are recorded in the reader's tenant, so a
 * compliance officer checking a COMPLIANCE_HOLD case needs every tenant's entries about it.
 */
public interface CaseAccessLog {

    /** One audit entry about the case. */
    record Entry(Instant at, String tenantId, @Nullable String actor, String action, Map<String, Object> details) {}

    /** The case's audit entries, oldest first; compliance officers and platform administrators only (others: 403). */
    Flux<Entry> entries(String caseId);
}

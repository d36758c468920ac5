package app.thaw.cases.casework;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Who accessed a case, read from the audit log whatever tenant the reader acted in. An act across
 * tenants (staff, a partner bank) is recorded in both tenants (the platform's TenantAccess) and
 * listed once; entries written before that rule stand only in the reader's tenant, so every
 * tenant's entries about the case are read.
 */
public interface CaseAccessLog {

    /** One audit entry about the case; {@code tenantId} is the tenant the actor acted from. */
    record Entry(Instant at, String tenantId, @Nullable String actor, String action, Map<String, Object> details) {}

    /** The case's audit entries, oldest first; compliance officers and platform administrators only (others: 403). */
    Flux<Entry> entries(String caseId);
}

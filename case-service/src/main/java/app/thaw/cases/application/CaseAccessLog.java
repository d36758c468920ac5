package app.thaw.cases.application;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.security.CurrentCaller;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * Who accessed a case, read from the audit log whatever tenant the reader acted in: cross-tenant
 * staff reads and refused attempts on a restricted case are recorded in the reader's tenant, so a
 * compliance officer checking a COMPLIANCE_HOLD case needs every tenant's entries about it.
 */
public final class CaseAccessLog {

    /** One audit entry about the case. */
    public record Entry(Instant at, String tenantId, @Nullable String actor, String action, Map<String, Object> details) {
    }

    private final ReactiveMongoTemplate mongo;
    private final CaseService cases;

    public CaseAccessLog(ReactiveMongoTemplate mongo, CaseService cases) {
        this.mongo = mongo;
        this.cases = cases;
    }

    /** The case's audit entries, oldest first; compliance officers and platform administrators only (others: 403). */
    public Flux<Entry> entries(String caseId) {
        return CurrentCaller.get().flatMapMany(caller -> {
            if (!CaseAccess.seesRestricted(caller)) {
                return Flux.error(CaseProblems.forbidden("Only compliance officers and platform administrators read a case's access log."));
            }
            return cases.get(caseId).flatMapMany(c -> mongo.find(Query.query(Criteria.where("objectType").is("case").and("objectId").is(c.id()))
                    .with(Sort.by("at")), Document.class, AuditLog.AUDIT_LOG)).map(CaseAccessLog::entry);
        });
    }

    private static Entry entry(Document d) {
        Document actor = d.get("actor", Document.class);
        String who = actor == null ? null : actor.getString("username") != null ? actor.getString("username") : actor.getString("subject");
        Document details = d.get("details", Document.class);
        Date at = d.getDate("at");
        return new Entry(at == null ? Instant.EPOCH : at.toInstant(), d.getString("tenantId"), who, d.getString("action"),
                details == null ? Map.of() : details);
    }
}

package app.thaw.cases.casework.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import app.thaw.cases.access.CaseAccess;
import app.thaw.cases.casework.CaseAccessLog;
import app.thaw.cases.casework.CaseService;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.security.CurrentCaller;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * The case's access log from the audit log's store: every tenant's entries about the case, an act
 * across tenants once (its entry in the case's tenant), see {@link CaseAccessLog}.
 */
final class MongoCaseAccessLog implements CaseAccessLog {

    private final ReactiveMongoTemplate mongo;
    private final CaseService cases;

    MongoCaseAccessLog(ReactiveMongoTemplate mongo, CaseService cases) {
        this.mongo = mongo;
        this.cases = cases;
    }

    @Override
    public Flux<Entry> entries(String caseId) {
        return CurrentCaller.get().flatMapMany(caller -> {
            if (!CaseAccess.seesRestricted(caller)) {
                return Flux.error(CaseProblems.forbidden(
                        "Only compliance officers and platform administrators read a case's access log."));
            }
            return cases.get(caseId)
                    .flatMapMany(c -> mongo.find(
                            Query.query(Criteria.where("objectType")
                                            .is("case")
                                            .and("objectId")
                                            .is(c.id())
                                            .orOperator(
                                                    Criteria.where("tenantId").is(c.tenantId()),
                                                    // An act across tenants stands in both logs: the case's side is
                                                    // read.
                                                    Criteria.where("details.otherTenant")
                                                            .exists(false)))
                                    .with(Sort.by("at")),
                            Document.class,
                            AuditLog.AUDIT_LOG))
                    .map(MongoCaseAccessLog::entry);
        });
    }

    private static Entry entry(Document d) {
        Document actor = d.get("actor", Document.class);
        String who = actor == null
                ? null
                : actor.getString("username") != null ? actor.getString("username") : actor.getString("subject");
        Document details = d.get("details", Document.class);
        Date at = d.getDate("at");
        // The case's side of an act across tenants names the actor's tenant with the actor.
        String actorTenant = actor == null ? null : actor.getString("tenantId");
        return new Entry(
                at == null ? Instant.EPOCH : at.toInstant(),
                actorTenant != null ? actorTenant : d.getString("tenantId"),
                who,
                d.getString("action"),
                details == null ? Map.of() : details);
    }
}

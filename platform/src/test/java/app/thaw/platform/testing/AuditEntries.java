package app.thaw.platform.testing;

import java.util.List;

import app.thaw.platform.audit.AuditLog;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** What a service's audit log holds, read for the tests of every service (the log itself is the platform's). */
public final class AuditEntries {

    private AuditEntries() {}

    /** The entries of {@code tenant}'s log recording {@code action}, as stored. */
    public static List<Document> of(ReactiveMongoTemplate mongo, String tenant, String action) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId")
                                .is(tenant)
                                .and("action")
                                .is(action)),
                        Document.class,
                        AuditLog.AUDIT_LOG)
                .collectList()
                .block();
    }
}

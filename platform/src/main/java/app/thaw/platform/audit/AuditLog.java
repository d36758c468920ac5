package app.thaw.platform.audit;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.store.IndexedStore;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records every write and every sensitive read (a compliance case opened by staff, a dossier
 * downloaded by an insurer): tenant, actor, action, object, time and trace id. Append-only: this
 * class offers no way to change or delete an entry. The actor and tenant come from the caller's
 * token; work with no caller (a timer, an event handler) is recorded as the system acting for the
 * tenant it names.
 */
public class AuditLog implements IndexedStore {

    public static final String AUDIT_LOG = "audit_log";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final @Nullable Tracer tracer;

    public AuditLog(ReactiveMongoTemplate mongo, Clock clock, @Nullable Tracer tracer) {
        this.mongo = mongo;
        this.clock = clock;
        this.tracer = tracer;
    }

    /** Records what the current caller did to (or read of) an object in its own tenant. */
    public Mono<Void> record(String action, String objectType, String objectId, Map<String, Object> details) {
        return CurrentCaller.get()
                .flatMap(caller -> append(caller.tenantId(), actor(caller), action, objectType, objectId, details));
    }

    /**
     * Records what the current caller did in another tenant's data, in that tenant's log: the
     * other side of a cross-tenant act (a partner bank working its merchant's case), so each
     * tenant reads every act on its data in its own log.
     */
    public Mono<Void> recordIn(
            String tenantId, String action, String objectType, String objectId, Map<String, Object> details) {
        return CurrentCaller.get()
                .flatMap(caller -> append(
                        tenantId,
                        actor(caller).append("tenantId", caller.tenantId()),
                        action,
                        objectType,
                        objectId,
                        details));
    }

    /** Records what the system did on its own (no caller), for {@code tenantId}. */
    public Mono<Void> recordSystem(
            String tenantId, String action, String objectType, String objectId, Map<String, Object> details) {
        return append(tenantId, new Document("subject", "system"), action, objectType, objectId, details);
    }

    /** The entries about one object, oldest first. */
    public Flux<Document> entriesFor(String tenantId, String objectType, String objectId) {
        return mongo.find(
                Query.query(Criteria.where("tenantId")
                                .is(tenantId)
                                .and("objectType")
                                .is(objectType)
                                .and("objectId")
                                .is(objectId))
                        .with(Sort.by("at")),
                Document.class,
                AUDIT_LOG);
    }

    private Mono<Void> append(
            String tenantId,
            Document actor,
            String action,
            String objectType,
            String objectId,
            Map<String, Object> details) {
        // Read inside the chain: with context propagation on, the request's span is current here.
        return Mono.fromCallable(this::currentTraceId)
                .defaultIfEmpty("")
                .flatMap(traceId -> mongo.insert(
                        new Document("tenantId", tenantId)
                                .append("actor", actor)
                                .append("action", action)
                                .append("objectType", objectType)
                                .append("objectId", objectId)
                                .append("details", new Document(details))
                                .append("at", Date.from(clock.instant()))
                                .append("traceId", traceId.isEmpty() ? null : traceId),
                        AUDIT_LOG))
                .then();
    }

    private @Nullable String currentTraceId() {
        Span span = tracer == null ? null : tracer.currentSpan();
        return span == null ? null : span.context().traceId();
    }

    private static Document actor(Caller caller) {
        return new Document("subject", caller.subject())
                .append("clientId", caller.clientId())
                .append("username", caller.username())
                .append("roles", caller.sortedRoles());
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(AUDIT_LOG)
                .createIndex(new Index()
                        .on("tenantId", Sort.Direction.ASC)
                        .on("objectType", Sort.Direction.ASC)
                        .on("objectId", Sort.Direction.ASC)
                        .on("at", Sort.Direction.ASC))
                .then();
    }
}

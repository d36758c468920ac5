package app.thaw.notifications.recipients.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import app.thaw.notifications.recipients.Recipient;
import app.thaw.notifications.recipients.RecipientId;
import app.thaw.notifications.recipients.RecipientKind;
import app.thaw.notifications.recipients.RecipientService;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.idempotency.IdempotentEffects;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.store.CursorPage;
import app.thaw.platform.store.IndexedStore;
import app.thaw.platform.store.VersionedWrites;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tenants' recipients in {@code recipients}: every read and write names the tenant. */
@Service
public class RecipientStore implements RecipientService, IndexedStore {

    private final ReactiveMongoTemplate mongo;
    private final AuditLog audit;

    public RecipientStore(ReactiveMongoTemplate mongo, AuditLog audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(RecipientDocuments.COLLECTION)
                .createIndex(new Index()
                        .on("tenantId", Sort.Direction.ASC)
                        .on("kind", Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC))
                .then();
    }

    /**
     * Registers a recipient of {@code tenantId}, once per {@code Idempotency-Key} (ADR 56): its id
     * derives from the key, so a run repeated after a crash finds the recipient the first run made.
     */
    public Mono<Recipient> register(String tenantId, Function<RecipientId, Recipient> recipient) {
        return IdempotentEffects.once(
                "recipient",
                () -> RecipientId.random().value(),
                key -> RecipientId.keyed(key.uuid("recipient")).value(),
                id -> mongo.findOne(
                                Query.query(Criteria.where("_id")
                                        .is(id)
                                        .and("tenantId")
                                        .is(tenantId)),
                                Document.class,
                                RecipientDocuments.COLLECTION)
                        .map(RecipientDocuments::fromDocument),
                id -> register(recipient.apply(new RecipientId(id))));
    }

    private Mono<Recipient> register(Recipient recipient) {
        return mongo.insert(RecipientDocuments.toDocument(recipient), RecipientDocuments.COLLECTION)
                .map(RecipientDocuments::fromDocument)
                .flatMap(stored -> audit.record(
                                "recipient.registered",
                                "recipient",
                                stored.id().value(),
                                Map.of("kind", stored.kind().name()))
                        .thenReturn(stored));
    }

    public Mono<Recipient> get(String tenantId, RecipientId id) {
        return VersionedWrites.get(mongo, RecipientDocuments.COLLECTION, "recipient", tenantId, id.value())
                .map(RecipientDocuments::fromDocument);
    }

    public Mono<CursorPage<Recipient>> list(String tenantId, CursorPage.Request page) {
        return mongo.find(
                        page.query(Criteria.where("tenantId").is(tenantId)),
                        Document.class,
                        RecipientDocuments.COLLECTION)
                .map(RecipientDocuments::fromDocument)
                .collectList()
                .map(found -> page.page(found, recipient -> recipient.id().value()));
    }

    /** Replaces the recipient's details if it is still at {@code expectedVersion}. */
    public Mono<Recipient> update(Recipient changed, long expectedVersion) {
        Document replacement = RecipientDocuments.toDocument(changed);
        Update update = new Update();
        replacement.forEach((key, value) -> {
            if (!key.equals("_id") && !key.equals("tenantId") && !key.equals("version")) {
                update.set(key, value);
            }
        });
        return VersionedWrites.update(
                        mongo,
                        RecipientDocuments.COLLECTION,
                        "recipient",
                        changed.tenantId(),
                        changed.id().value(),
                        expectedVersion,
                        update)
                .map(RecipientDocuments::fromDocument)
                .flatMap(stored -> audit.record(
                                "recipient.changed", "recipient", stored.id().value(), Map.of())
                        .thenReturn(stored));
    }

    public Mono<Void> remove(String tenantId, RecipientId id) {
        return mongo.remove(
                        Query.query(Criteria.where("_id")
                                .is(id.value())
                                .and("tenantId")
                                .is(tenantId)),
                        RecipientDocuments.COLLECTION)
                .flatMap(result -> result.getDeletedCount() == 0
                        ? Mono.error(new NotFound("recipient", id.value()))
                        : audit.record("recipient.removed", "recipient", id.value(), Map.of()));
    }

    /** The tenant's recipients of one kind, bounded, for dispatch. */
    public Flux<Recipient> ofKind(String tenantId, RecipientKind kind) {
        return mongo.find(
                        Query.query(Criteria.where("tenantId")
                                        .is(tenantId)
                                        .and("kind")
                                        .is(kind.name()))
                                .with(Sort.by("_id"))
                                .limit(MAX_PER_AUDIENCE),
                        Document.class,
                        RecipientDocuments.COLLECTION)
                .map(RecipientDocuments::fromDocument);
    }

    /** Recipients by id within the tenant (missing ones are skipped). */
    public Flux<Recipient> byIds(String tenantId, List<String> ids) {
        return mongo.find(
                        Query.query(
                                Criteria.where("_id").in(ids).and("tenantId").is(tenantId)),
                        Document.class,
                        RecipientDocuments.COLLECTION)
                .map(RecipientDocuments::fromDocument);
    }
}

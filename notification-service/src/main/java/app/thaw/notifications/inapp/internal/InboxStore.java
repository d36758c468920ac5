package app.thaw.notifications.inapp.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.inapp.InboxItem;
import app.thaw.notifications.inapp.InboxService;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.store.CursorPage;
import app.thaw.platform.store.IndexedStore;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Per-user inboxes in {@code inbox} and their live stream. An item's id is its delivery's id, so a retried
 * delivery stores it once. The stream carries items delivered by this instance; a dashboard that
 * reconnects reads the inbox to catch up.
 */
@Service
public class InboxStore implements InboxService, IndexedStore {

    static final String COLLECTION = "inbox";

    /** In-app items one stream subscriber may fall behind by before it loses the oldest. */
    static final int STREAM_BUFFER = 256;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    // Slow subscribers miss live items rather than hold up delivery; the inbox has them all.
    private final Sinks.Many<InboxItem> live = Sinks.many().multicast().directBestEffort();

    public InboxStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on("tenantId", Sort.Direction.ASC)
                        .on("userId", Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC))
                .then();
    }

    public Mono<InboxItem> deliver(OutgoingMessage message) {
        Instant now = clock.instant();
        var rendered = message.message();
        InboxItem item = new InboxItem(
                message.id().value(),
                message.tenantId(),
                message.address(),
                message.eventType(),
                rendered == null ? null : rendered.subject(),
                rendered == null ? "" : rendered.text(),
                now,
                null);
        Document document = new Document("_id", item.id())
                .append("tenantId", item.tenantId())
                .append("userId", item.userId())
                .append("eventType", item.eventType())
                .append("title", item.title())
                .append("body", item.body())
                .append("createdAt", Date.from(now))
                .append("readAt", null);
        return mongo.insert(document, COLLECTION)
                // Deliveries complete on several threads at once; a sink takes one emission at a time, so a
                // concurrent one retries for a moment instead of failing with FAIL_NON_SERIALIZED.
                .doOnSuccess(stored -> live.emitNext(item, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50))))
                .thenReturn(item)
                .onErrorResume(DuplicateKeyException.class, again -> Mono.just(item));
    }

    /** The caller's items and the tenant-wide ones, by page. */
    public Mono<CursorPage<InboxItem>> list(String tenantId, String userId, CursorPage.Request page) {
        Criteria mine = Criteria.where("tenantId")
                .is(tenantId)
                .orOperator(
                        Criteria.where("userId").is(userId),
                        Criteria.where("userId").is(null));
        return mongo.find(page.query(mine), Document.class, COLLECTION)
                .map(InboxStore::fromDocument)
                .collectList()
                .map(found -> page.page(found, InboxItem::id));
    }

    public Mono<InboxItem> markRead(String tenantId, String userId, String id) {
        Query visible = Query.query(Criteria.where("_id")
                .is(id)
                .and("tenantId")
                .is(tenantId)
                .orOperator(
                        Criteria.where("userId").is(userId),
                        Criteria.where("userId").is(null)));
        return mongo.findAndModify(
                        visible,
                        new Update().set("readAt", Date.from(clock.instant())),
                        org.springframework.data.mongodb.core.FindAndModifyOptions.options()
                                .returnNew(true),
                        Document.class,
                        COLLECTION)
                .map(InboxStore::fromDocument)
                .switchIfEmpty(Mono.error(() -> new NotFound("inbox item", id)));
    }

    /** Items delivered from now on to this user (or tenant-wide), as they arrive. */
    public Flux<InboxItem> stream(String tenantId, String userId) {
        // Each subscriber buffers a little, so items emitted back to back while its connection is still
        // writing the previous one are not dropped; a stalled dashboard loses its oldest items instead.
        return live.asFlux()
                .filter(item -> item.visibleTo(tenantId, userId))
                .onBackpressureBuffer(STREAM_BUFFER, dropped -> {}, BufferOverflowStrategy.DROP_OLDEST);
    }

    private static InboxItem fromDocument(Document document) {
        Date read = document.getDate("readAt");
        return new InboxItem(
                document.getString("_id"),
                document.getString("tenantId"),
                document.getString("userId"),
                document.getString("eventType"),
                document.getString("title"),
                document.getString("body"),
                document.getDate("createdAt").toInstant(),
                read == null ? null : read.toInstant());
    }
}

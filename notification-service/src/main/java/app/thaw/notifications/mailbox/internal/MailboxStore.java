package app.thaw.notifications.mailbox.internal;

import java.time.Clock;
import java.util.Date;

import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.mailbox.MailboxService;
import app.thaw.notifications.mailbox.MailboxService.Captured;
import app.thaw.platform.store.CursorPage;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The development mailbox in {@code mailbox}, one document per captured delivery. The development mailbox: with no SMTP server or SMS provider configured (the {@code ./thaw up}
 * default), e-mails and SMS are kept here instead of sent, one entry per delivery, and shown
 * through the API so a developer sees exactly what would have gone out.
 */
@Service
public class MailboxStore implements MailboxService {

    static final String COLLECTION = "mailbox";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public MailboxStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<String> capture(OutgoingMessage message) {
        String id = message.id().value();
        var rendered = message.message();
        Document entry = new Document("_id", id)
                .append("tenantId", message.tenantId())
                .append("channel", message.channel().name())
                .append("to", message.address())
                .append("subject", rendered == null ? null : rendered.subject())
                .append("text", rendered == null ? "" : rendered.text())
                .append("html", rendered == null ? null : rendered.html())
                .append("eventType", message.eventType())
                .append("capturedAt", Date.from(clock.instant()));
        return mongo.insert(entry, COLLECTION)
                .thenReturn(id)
                // A retried attempt of the same delivery: the capture is already there.
                .onErrorResume(DuplicateKeyException.class, again -> Mono.just(id));
    }

    /** The newest captured messages first, at most {@code limit}. */
    public Mono<java.util.List<Captured>> newest(String tenantId, int limit) {
        return mongo.find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                        Criteria.where("tenantId").is(tenantId))
                                .with(org.springframework.data.domain.Sort.by(
                                        org.springframework.data.domain.Sort.Direction.DESC, "capturedAt"))
                                .limit(Math.clamp(limit, 1, CursorPage.MAX_LIMIT)),
                        Document.class,
                        COLLECTION)
                .map(MailboxStore::captured)
                .collectList();
    }

    private static Captured captured(Document document) {
        return new Captured(
                document.getString("_id"),
                document.getString("channel"),
                document.getString("to"),
                document.getString("subject"),
                document.getString("text"),
                document.getString("html"),
                document.getString("eventType"),
                document.getDate("capturedAt").toInstant().toString());
    }

    public Mono<CursorPage<Captured>> list(String tenantId, CursorPage.Request page) {
        return mongo.find(page.query(Criteria.where("tenantId").is(tenantId)), Document.class, COLLECTION)
                .map(MailboxStore::captured)
                .collectList()
                .map(found -> page.page(found, Captured::id));
    }
}

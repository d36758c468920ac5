package app.thaw.notifications.dashboard.internal;

import java.util.Date;

import app.thaw.notifications.dashboard.DeadLetters;
import app.thaw.platform.events.OutboxRelay;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The relay's dead letters, read as records. */
@Component
public class RelayDeadLetters implements DeadLetters {

    private final OutboxRelay relay;

    public RelayDeadLetters(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Flux<DeadLetter> oldest(int limit) {
        return relay.deadLetters(null, limit).map(RelayDeadLetters::deadLetter);
    }

    @Override
    public Mono<Boolean> replay(String id, String replayedBy) {
        return relay.replay(id, replayedBy);
    }

    private static DeadLetter deadLetter(Document letter) {
        Document event = letter.get("event", Document.class);
        Date parkedAt = letter.getDate("parkedAt");
        return new DeadLetter(
                letter.getString("_id"),
                event == null ? null : event.getString("type"),
                event == null ? null : event.getString("subject"),
                event == null ? null : event.getString("tenantId"),
                letter.getString("subscriber"),
                letter.getInteger("attempts", 0),
                letter.getString("lastError"),
                parkedAt == null ? null : parkedAt.toInstant());
    }
}

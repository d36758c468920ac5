package app.thaw.notifications.dashboard.internal;

import app.thaw.notifications.dashboard.DeadLetters;
import app.thaw.platform.events.OutboxRelay;
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

    private static DeadLetter deadLetter(app.thaw.platform.events.DeadLetter letter) {
        return new DeadLetter(
                letter.id(),
                letter.type(),
                letter.subject(),
                letter.tenantId(),
                letter.subscriber(),
                letter.attempts(),
                letter.lastError(),
                letter.parkedAt());
    }
}

package app.thaw.notifications.dashboard;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The events the platform's relay parked as dead letters (every tenant's: for platform admins), and their replay. */
public interface DeadLetters {

    /** A parked event: which, for whom, how often it was tried and what the subscriber answered last. */
    record DeadLetter(
            String id,
            @Nullable String type,
            @Nullable String subject,
            @Nullable String tenantId,
            @Nullable String subscriber,
            int attempts,
            @Nullable String lastError,
            @Nullable Instant parkedAt) {}

    /** The oldest dead letters, at most {@code limit}. */
    Flux<DeadLetter> oldest(int limit);

    /** Sends a dead letter again; false if there is none with that id. */
    Mono<Boolean> replay(String id, String replayedBy);
}

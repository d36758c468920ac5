package app.thaw.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Faults a service's idempotency tests stage in its store (ADR 54, 56). */
public final class IdempotencyFaults {

    private IdempotencyFaults() {}

    /**
     * What {@code kill -9} between a handler's write and the key's completion leaves: the key still
     * claimed, its lease lapsed, no response kept. The next request with the key takes it over and
     * runs the handler again. {@code key} names one record: tests use fresh UUIDs.
     */
    public static void loseCompletion(ReactiveMongoTemplate mongo, String key) {
        long changed = mongo.updateFirst(
                        Query.query(Criteria.where("key").is(key)),
                        new Update()
                                .set("state", "IN_PROGRESS")
                                .set("expiresAt", Date.from(Instant.now().minusSeconds(1)))
                                .unset("response"),
                        "idempotency_keys")
                .map(result -> result.getModifiedCount())
                .block();
        assertThat(changed).as("the key's record, completed by the first run").isEqualTo(1L);
    }
}

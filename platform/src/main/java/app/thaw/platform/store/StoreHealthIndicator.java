package app.thaw.platform.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Readiness of the service's database: a {@code ping} on it. Spring Boot's own Mongo indicator
 * sends {@code hello}, which the embedded store does not know; {@code ping} works on both.
 */
class StoreHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    StoreHealthIndicator(ReactiveMongoTemplate mongo) {
        super("The database did not answer a ping");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1))
                .map(reply -> builder.up().build());
    }
}

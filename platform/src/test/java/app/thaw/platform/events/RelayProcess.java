package app.thaw.platform.events;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A relay in a JVM of its own, for {@link RelayCrashTests} to kill with SIGKILL at any moment:
 * the real EventOutbox and OutboxRelay, on the given store, delivering to one subscriber.
 * Arguments: mongoUri database subscriberUrl.
 */
public final class RelayProcess {

    private RelayProcess() {}

    public static void main(String[] args) throws InterruptedException {
        var mongo = new ReactiveMongoTemplate(MongoClients.create(args[0]), args[1]);
        var properties = new EventsProperties(
                List.of(new EventsProperties.Subscription("consumer", List.of("thaw.*"), URI.create(args[2]))),
                new EventsProperties.Relay(
                        true,
                        Duration.ofMillis(20),
                        100,
                        16,
                        Duration.ofSeconds(10),
                        50,
                        Duration.ofMillis(50),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        // Sweeps at every poll, as before ADR 93: a killed relay's half-released documents go at once.
                        Duration.ofMillis(20)),
                new EventsProperties.Client(null, null, null),
                Duration.ofSeconds(10),
                EventsProperties.Transport.HTTP,
                new EventsProperties.Kafka(
                        "localhost:9092", "thaw.events.", null, 6, (short) 1, 2, java.util.Map.of()));
        EventOutbox outbox = new EventOutbox(mongo, properties, Clock.systemUTC());
        outbox.watch("notes").block();
        ServiceTokens token = () -> Mono.just("test-token");
        OutboxRelay relay = new OutboxRelay(
                mongo,
                outbox,
                new HttpEventTransport(WebClient.create(), token, Duration.ofSeconds(5)),
                properties.relay(),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        relay.start();
        System.out.println("RELAY_STARTED");
        new CountDownLatch(1).await();
    }
}

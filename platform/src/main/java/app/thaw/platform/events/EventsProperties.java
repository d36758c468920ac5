package app.thaw.platform.events;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Events between services: who receives which types, how the relay retries, and the service's
 * own client for the tokens it presents to subscribers.
 *
 * @param subscriptions where each event type goes: a subscriber name, type patterns
 *                      ({@code thaw.case.*}, {@code thaw.alert.raised}) and its {@code /internal/events} URL
 * @param relay         how undelivered events are retried
 * @param client        the Keycloak client this service presents to subscribers (client credentials)
 * @param inboxLease    how long a consumer holds an event it is handling before another delivery may retry it
 * @param transport     how the relay hands events over: {@code http} (the embedded default, each subscriber's
 *                      {@code /internal/events}) or {@code kafka} (each subscriber's topic; ADR 90)
 * @param kafka         the broker, topics and consumer group when {@code transport} is {@code kafka}
 */
@ConfigurationProperties("thaw.events")
public record EventsProperties(
        @DefaultValue List<Subscription> subscriptions,
        @DefaultValue Relay relay,
        @DefaultValue Client client,
        @DefaultValue("60s") Duration inboxLease,
        @DefaultValue("http") Transport transport,
        @DefaultValue Kafka kafka) {

    /** The relay's way to subscribers; one setting for the whole service. */
    public enum Transport {
        HTTP,
        KAFKA
    }

    /**
     * @param url the subscriber's {@code /internal/events}; required with the HTTP transport, unused with Kafka
     */
    public record Subscription(
            String name, List<String> types, @Nullable URI url) {

        boolean wants(String type) {
            return types.stream()
                    .anyMatch(pattern -> pattern.endsWith("*")
                            ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                            : type.equals(pattern));
        }
    }

    /**
     * @param enabled        whether this instance relays (every instance may; leases keep them apart)
     * @param pollInterval   how often to look for due events when idle
     * @param batchSize      events claimed at once
     * @param concurrency    deliveries in flight at once
     * @param lease          how long a claim lasts; a crashed instance's claims expire after it
     * @param maxAttempts    deliveries tried before an event is parked as a dead letter
     * @param initialBackoff the first retry's delay; each next one doubles, with jitter
     * @param maxBackoff     the longest delay between two attempts
     * @param timeout        the longest a subscriber may take to answer
     * @param sweepInterval  how often the relay also releases events a crash left on documents and refreshes its gauges
     *                       (scans of whole collections on the embedded store; each poll in between only claims due
     *                       entries, ADR 93)
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("100") int batchSize,
            @DefaultValue("16") int concurrency,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("10s") Duration sweepInterval) {}

    /**
     * The Kafka transport (ADR 90). Each subscriber reads its own topic {@code <topicPrefix><subscriber>} in the
     * consumer group {@code <subscriber>}; failures go to retry topics ({@code …-retry-<n>}) with the relay's backoff
     * and attempts, and to {@code …-dlt}.
     *
     * @param bootstrapServers  the brokers (env {@code THAW_EVENTS_KAFKA_BOOTSTRAPSERVERS})
     * @param topicPrefix       topics are this plus the subscriber's name
     * @param consumerName      this service as a subscriber (its topic and consumer group); default {@code spring.application.name}
     * @param partitions        partitions of the topics Thaw creates
     * @param replicationFactor replicas of the topics Thaw creates (1 for a single broker; 3 in production)
     * @param concurrency       consumer threads on this service's topic; unset (0), one per partition: a partition's
     *                          records are handled one at a time, so a slow event holds up only its own partition, not
     *                          the others its thread would also read (ADR 94)
     * @param properties        further Kafka client settings for producer, consumer and admin (e.g. security)
     */
    public record Kafka(
            @DefaultValue("localhost:9092") String bootstrapServers,
            @DefaultValue("thaw.events.") String topicPrefix,
            @Nullable String consumerName,
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("0") int concurrency,
            @DefaultValue java.util.Map<String, String> properties) {

        public Kafka {
            if (concurrency <= 0) {
                concurrency = partitions;
            }
        }

        public String topicOf(String subscriber) {
            return topicPrefix + subscriber;
        }
    }

    /** Defaults to the issuer's token endpoint when {@code tokenUri} is unset. */
    public record Client(
            @Nullable URI tokenUri,
            @Nullable String clientId,
            @Nullable String clientSecret) {}
}

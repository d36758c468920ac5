package app.thaw.platform.testing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One single-node KRaft Kafka broker for the whole test JVM, started in-process at first use from
 * Kafka's own jars on Maven Central (spring-kafka-test's {@link EmbeddedKafkaKraftBroker} over
 * {@code KafkaClusterTestKit}): no Docker, no ZooKeeper, a couple of seconds to start. It stops
 * when the JVM ends.
 */
public final class KafkaTestBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaTestBroker.class);
    private static @Nullable EmbeddedKafkaKraftBroker broker;

    private KafkaTestBroker() {}

    /** The broker's {@code host:port}, starting it the first time. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            long started = System.nanoTime();
            EmbeddedKafkaKraftBroker starting = new EmbeddedKafkaKraftBroker(1, 2);
            // A group forms at once instead of waiting for more members; tests start and stop consumers.
            starting.brokerProperty("group.initial.rebalance.delay.ms", "0");
            starting.brokerProperty("offsets.topic.num.partitions", "2");
            starting.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(starting::destroy, "kafka-test-broker-stop"));
            broker = starting;
            log.info(
                    "KAFKA_TEST_BROKER started at {} in {} ms",
                    starting.getBrokersAsString(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        return broker.getBrokersAsString();
    }
}

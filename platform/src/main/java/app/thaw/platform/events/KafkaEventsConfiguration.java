package app.thaw.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.EnableKafkaRetryTopic;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The Kafka transport ({@code thaw.events.transport=kafka}, ADR 90): an idempotent producer for the
 * relay, this service's consumer group on its topic with non-blocking retry topics and a
 * dead-letter topic (Spring for Apache Kafka), and the topics Thaw declares.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "thaw.events.transport", havingValue = "kafka")
@EnableKafka
@EnableKafkaRetryTopic
class KafkaEventsConfiguration {

    static final String CONSUMER_BEAN = "thawKafkaEventConsumer";

    @Bean
    KafkaTemplate<String, String> thawEventsKafkaTemplate(EventsProperties properties) {
        Map<String, Object> config = common(properties.kafka());
        Duration timeout = properties.relay().timeout();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // Idempotent: a retried send never writes a record twice or out of order within its partition.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // Within the relay's timeout, which is shorter than its lease: an entry is never sent by two instances at once.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, timeout.toMillis() / 2 - 1));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        config.putAll(properties.kafka().properties());
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    EventTransport kafkaEventTransport(
            @Qualifier("thawEventsKafkaTemplate") KafkaTemplate<String, String> kafka, EventsProperties properties) {
        return new KafkaEventTransport(
                kafka, properties.kafka(), properties.relay().timeout());
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> thawEventsListenerFactory(EventsProperties properties) {
        Map<String, Object> config = common(properties.kafka());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // Offsets are committed by the container after the listener returned (the inbox stored the effect).
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group reads what was published before it first started: nothing is lost to a late consumer.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        config.putAll(properties.kafka().properties());
        ConcurrentKafkaListenerContainerFactory<String, String> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setConcurrency(properties.kafka().concurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    @Bean(CONSUMER_BEAN)
    KafkaEventConsumer thawKafkaEventConsumer(
            EventInbox inbox,
            ReactiveMongoTemplate mongo,
            @Qualifier("thawEventsKafkaTemplate") KafkaTemplate<String, String> kafka,
            EventsProperties properties,
            Environment environment,
            Clock clock,
            OutboxRelay relay,
            EventSpans spans) {
        String name = consumerName(properties, environment);
        KafkaEventConsumer consumer = new KafkaEventConsumer(
                inbox, mongo, kafka, name, properties.kafka().topicOf(name), properties.inboxLease(), clock, spans);
        relay.replayTopicsWith(consumer::replay);
        return consumer;
    }

    /**
     * Retries without blocking the topic: a failed record moves to {@code <topic>-retry-<n>} and is tried again
     * after the relay's backoff (initial, doubling, at most max), up to the relay's max attempts, then to
     * {@code <topic>-dlt}; a refused one (400 event_malformed, other final 4xx) goes to the dead-letter topic at once.
     */
    @Bean
    RetryTopicConfiguration thawEventsRetryTopics(
            @Qualifier("thawEventsKafkaTemplate") KafkaTemplate<String, String> kafka,
            ConcurrentKafkaListenerContainerFactory<String, String> thawEventsListenerFactory,
            EventsProperties properties,
            Environment environment) {
        EventsProperties.Relay relay = properties.relay();
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(properties.kafka().topicOf(consumerName(properties, environment)))
                .exponentialBackoff(
                        relay.initialBackoff().toMillis(),
                        2.0,
                        relay.maxBackoff().toMillis())
                .maxAttempts(relay.maxAttempts())
                .suffixTopicsWithIndexValues()
                .notRetryOn(KafkaEventConsumer.RefusedEvent.class)
                .traversingCauses()
                .autoCreateTopicsWith(
                        properties.kafka().partitions(), properties.kafka().replicationFactor())
                .listenerFactory(thawEventsListenerFactory)
                // One consumer per retry topic: retries are the exception, and there is a topic per backoff step.
                .concurrency(1)
                .dltHandlerMethod(CONSUMER_BEAN, "deadLetter")
                .create(kafka);
    }

    @Bean
    RetryTopicSchedulerWrapper thawEventsRetryScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("thaw-events-retry-");
        scheduler.initialize();
        return new RetryTopicSchedulerWrapper(scheduler);
    }

    @Bean
    KafkaAdmin thawEventsKafkaAdmin(EventsProperties properties) {
        Map<String, Object> config = common(properties.kafka());
        config.putAll(properties.kafka().properties());
        return new KafkaAdmin(config);
    }

    /** This service's topic and those of the services it publishes to, so the first to start creates them. */
    @Bean
    KafkaAdmin.NewTopics thawEventTopics(EventsProperties properties, Environment environment) {
        Set<String> names = new LinkedHashSet<>();
        names.add(consumerName(properties, environment));
        properties.subscriptions().forEach(subscription -> names.add(subscription.name()));
        return new KafkaAdmin.NewTopics(names.stream()
                .map(name -> new NewTopic(
                        properties.kafka().topicOf(name),
                        properties.kafka().partitions(),
                        properties.kafka().replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    static String consumerName(EventsProperties properties, Environment environment) {
        String name = properties.kafka().consumerName();
        if (name == null || name.isBlank()) {
            name = environment.getProperty("spring.application.name");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalStateException(
                    "thaw.events.kafka.consumer-name (or spring.application.name) names this service's "
                            + "topic and consumer group; set one");
        }
        return name;
    }

    private static Map<String, Object> common(EventsProperties.Kafka kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return config;
    }
}

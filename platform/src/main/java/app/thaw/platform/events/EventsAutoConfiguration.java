package app.thaw.platform.events;

import java.net.URI;
import java.time.Clock;

import app.thaw.platform.config.ClockAutoConfiguration;
import app.thaw.platform.security.ThawSecurityProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/** Outbox, relay and inbox for every service that owns a database (not the gateway); over HTTP or Kafka (ADR 90). */
@AutoConfiguration(after = {DataMongoReactiveAutoConfiguration.class, ClockAutoConfiguration.class})
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
@ConditionalOnProperty("thaw.service.area")
@EnableConfigurationProperties(EventsProperties.class)
@Import(KafkaEventsConfiguration.class)
public class EventsAutoConfiguration {

    @Bean
    EventOutbox eventOutbox(ReactiveMongoTemplate mongo, EventsProperties properties, Clock clock) {
        return new EventOutbox(mongo, properties, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(EventsProperties properties, ThawSecurityProperties security) {
        EventsProperties.Client client = properties.client();
        if (client.clientId() == null
                || client.clientSecret() == null
                || client.clientSecret().isBlank()) {
            // No secret configured (a service started alone, a test): events cannot be signed for, so
            // deliveries fail and are retried until one is — none is lost.
            return ServiceTokens.unconfigured();
        }
        URI tokenUri = client.tokenUri() != null
                ? client.tokenUri()
                : URI.create(security.issuerUri().toString().replaceAll("/+$", "") + "/protocol/openid-connect/token");
        return ServiceTokens.clientCredentials(tokenUri, client.clientId(), client.clientSecret());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "thaw.events.transport", havingValue = "http", matchIfMissing = true)
    EventTransport eventTransport(WebClient.Builder webClients, ServiceTokens tokens, EventsProperties properties) {
        properties.subscriptions().stream()
                .filter(subscription -> subscription.url() == null)
                .findFirst()
                .ifPresent(missing -> {
                    throw new IllegalStateException("thaw.events.subscriptions: " + missing.name()
                            + " has no url, which the HTTP " + "transport needs (or set thaw.events.transport=kafka)");
                });
        // Unobserved: an observed client would start a span of its own (the relay runs outside any
        // request, so a new trace) and overwrite the event's traceparent with it, cutting the
        // consumer off the producer's trace. The header the transport sets must reach the consumer.
        return new HttpEventTransport(
                webClients.clone().observationRegistry(ObservationRegistry.NOOP).build(),
                tokens,
                properties.relay().timeout());
    }

    @Bean
    OutboxRelay outboxRelay(
            ReactiveMongoTemplate mongo,
            EventOutbox outbox,
            EventTransport transport,
            EventsProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new OutboxRelay(mongo, outbox, transport, properties.relay(), clock, meters);
    }

    @Bean
    EventInbox eventInbox(
            ReactiveMongoTemplate mongo,
            ObjectProvider<EventHandler> handlers,
            ObjectProvider<EventHandlers> groups,
            EventsProperties properties,
            Clock clock) {
        // The handlers are looked up at the first event, not now: they may depend on services
        // that depend on the outbox, and need no @Lazy for it.
        return new EventInbox(
                mongo,
                () -> java.util.stream.Stream.concat(
                                handlers.orderedStream(),
                                groups.orderedStream().flatMap(group -> group.handlers().stream()))
                        .toList(),
                properties.inboxLease(),
                clock);
    }

    @Bean
    @ConditionalOnMissingBean
    Traceparents traceparents(ObjectProvider<io.micrometer.tracing.Tracer> tracer) {
        return new Traceparents(tracer);
    }

    @Bean
    @ConditionalOnMissingBean
    EventSpans eventSpans(ObjectProvider<ObservationRegistry> observations) {
        return new EventSpans(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    InternalEventsController internalEventsController(EventInbox inbox, EventSpans spans) {
        return new InternalEventsController(inbox, spans);
    }

    @Bean
    DeadLetterController deadLetterController(OutboxRelay relay) {
        return new DeadLetterController(relay);
    }
}

package app.thaw.notifications.webhooks.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import app.thaw.notifications.delivery.ChannelSender;
import app.thaw.notifications.delivery.Ids;
import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.delivery.SendOutcome;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.webhooks.AddressGuard;
import app.thaw.notifications.webhooks.WebhookEndpoint;
import app.thaw.notifications.webhooks.WebhookProperties;
import app.thaw.notifications.webhooks.WebhookService;
import app.thaw.notifications.webhooks.WebhookSignature;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * POSTs a webhook to its endpoint, signed per Standard Webhooks: {@code webhook-id} (the same on
 * every retry of one message), {@code webhook-timestamp} (this attempt's, in seconds) and
 * {@code webhook-signature}. The URL passes the address guard again at every attempt, since its
 * name may resolve elsewhere by now, and the addresses the client then connects to pass it too
 * ({@link AddressGuard#connectable}), so an answer that changes in between is not followed. A 2xx
 * is success; 410 says the endpoint is gone; anything
 * else, a timeout or a connection error is a failure to retry, no sooner than {@code Retry-After}.
 */
@Component
class WebhookSender implements ChannelSender {

    private final WebClient web;
    private final WebhookService endpoints;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookSender(
            WebClient.Builder builder,
            ReactorResourceFactory resources,
            AddressGuard guard,
            WebhookService endpoints,
            WebhookProperties properties,
            Clock clock) {
        // The guard judges the addresses the client connects to, after its own resolution: a name that resolved to a
        // public address in endpoints.checked() and to a private one a moment later (DNS rebinding) is refused here.
        this.web = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(
                        resources,
                        client -> client.resolvedAddressesSelector((config, resolved) -> guard.connectable(resolved))))
                .build();
        this.endpoints = endpoints;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Mono<SendOutcome> send(OutgoingMessage message) {
        String endpointId = message.address() == null ? "" : message.address();
        return endpoints
                .forSending(message.tenantId(), endpointId)
                .flatMap(endpoint -> endpoint.enabled()
                        ? post(endpoint, message)
                        : Mono.just(new SendOutcome(
                                false,
                                endpoint.url().toString(),
                                "endpoint disabled: " + endpoint.disabledReason(),
                                null,
                                true)))
                .defaultIfEmpty(
                        new SendOutcome(false, "webhook", "endpoint " + endpointId + " no longer exists", null, true));
    }

    private Mono<SendOutcome> post(WebhookEndpoint endpoint, OutgoingMessage message) {
        String provider = endpoint.url().toString();
        String body = message.body() == null ? "{}" : message.body();
        return endpoints
                .checked(endpoint.url())
                .flatMap(url -> {
                    Instant now = clock.instant();
                    long timestamp = now.getEpochSecond();
                    String id = messageId(message.id().value());
                    String signature = WebhookSignature.sign(endpoint.secrets(), now, id, timestamp, body);
                    return web.post()
                            .uri(url)
                            .contentType(MediaType.APPLICATION_JSON)
                            .headers(headers -> {
                                headers.set("webhook-id", id);
                                headers.set("webhook-timestamp", Long.toString(timestamp));
                                headers.set("webhook-signature", signature);
                            })
                            .bodyValue(body)
                            .exchangeToMono(response -> response.bodyToMono(String.class)
                                    .defaultIfEmpty("")
                                    .map(answer -> {
                                        int status = response.statusCode().value();
                                        String logged = "HTTP " + status + " " + truncate(answer);
                                        if (status >= 200 && status < 300) {
                                            return SendOutcome.success(provider, logged);
                                        }
                                        return new SendOutcome(
                                                false,
                                                provider,
                                                logged,
                                                retryAfter(
                                                        response.headers()
                                                                .asHttpHeaders()
                                                                .getFirst("Retry-After"),
                                                        now),
                                                status == 410);
                                    }));
                })
                .timeout(properties.timeout())
                .onErrorResume(failure -> Mono.just(SendOutcome.failure(
                        provider,
                        failure.getClass().getSimpleName() + ": " + truncate(String.valueOf(failure.getMessage())))))
                // A success ends a run of failures; the endpoint was just read, so only one that was failing is
                // written.
                .flatMap(outcome -> outcome.succeeded() && endpoint.failingSince() != null
                        ? endpoints
                                .recordSuccess(message.tenantId(), endpoint.id())
                                .thenReturn(outcome)
                        : Mono.just(outcome));
    }

    /** The stable message id of a delivery: the same on each retry, so receivers can deduplicate. */
    static String messageId(String deliveryId) {
        return Ids.derived("msg_", deliveryId);
    }

    static @Nullable Duration retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        now,
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private String truncate(String text) {
        return text.length() <= properties.maxResponseLogged()
                ? text
                : text.substring(0, properties.maxResponseLogged()) + "…";
    }
}

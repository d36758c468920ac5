package app.thaw.notifications.webhooks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent.
 *
 * @param timeout                the longest an endpoint may take to answer (Standard Webhooks: 15 s)
 * @param allowedPrivateHosts    hosts accepted even on loopback or private networks ({@code *}: all) — for development only
 * @param maxResponseLogged      how much of an endpoint's answer the delivery log keeps
 * @param maxEndpointsPerEvent   endpoints one event reaches at most within a tenant
 * @param endpointReuse          how long an endpoint read for sending serves the next sends to it, and a tenant's enabled
 *                               endpoints read for an event the next events (0: read for each);
 *                               a change made through this instance applies at once, one made through another within this time
 * @param keysetDir              directory of the Tink keyset that seals endpoints' signing secrets at rest
 *                               ({@code webhook-secrets.json}); in the embedded default generated there, in clear, on first start
 * @param kmsKeyUri              in production: the KMS key that encrypts that keyset; it is then read encrypted, never generated
 * @param generateIfMissing      whether a missing keyset may be generated (never with a KMS key)
 */
@ConfigurationProperties("thaw.notifications.webhooks")
public record WebhookProperties(
        @DefaultValue("15s") Duration timeout,
        @DefaultValue List<String> allowedPrivateHosts,
        @DefaultValue("500") int maxResponseLogged,
        @DefaultValue("50") int maxEndpointsPerEvent,
        @DefaultValue("1s") Duration endpointReuse,
        @DefaultValue(".thaw/keys/notification-service") Path keysetDir,
        @Nullable String kmsKeyUri,
        @DefaultValue("true") boolean generateIfMissing) {}

package app.thaw.monitor.subscription;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which plan a tenant has until a platform admin sets one.
 *
 * @param defaultPlan the plan of a tenant nobody set one for
 * @param tenants     plans of named tenants (the demo's bank and insurer), beneath what an admin set
 * @param usageSources base URL per service ({@code meteredBy} of {@link MeteredItem}) whose {@code /internal/usage}
 *                     answers the use of its items in {@code /api/v1/subscription} (ADR 62)
 */
@ConfigurationProperties("thaw.monitor.subscription")
public record SubscriptionProperties(
        @DefaultValue("THAW_ASSIST") String defaultPlan,
        @DefaultValue Map<String, String> tenants,
        @DefaultValue Map<String, java.net.URI> usageSources) {}

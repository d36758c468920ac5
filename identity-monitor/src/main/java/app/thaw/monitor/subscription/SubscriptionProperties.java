package app.thaw.monitor.subscription;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which plan a tenant has until a platform admin sets one.
 *
 * @param defaultPlan the plan of a tenant nobody set one for
 * @param tenants     plans of named tenants (the demo's bank and insurer), beneath what an admin set
 */
@ConfigurationProperties("thaw.monitor.subscription")
public record SubscriptionProperties(@DefaultValue("THAW_ASSIST") String defaultPlan, @DefaultValue Map<String, String> tenants) {
}

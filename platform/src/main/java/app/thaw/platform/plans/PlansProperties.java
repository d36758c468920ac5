package app.thaw.platform.plans;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code thaw.plans.*}: the plan of a tenant no platform admin has set one for.
 *
 * @param defaultPlan the plan of any tenant not named in {@code tenants}
 * @param tenants     plans of particular tenants until an admin sets another (the demo's bank and insurer)
 */
@ConfigurationProperties("thaw.plans")
public record PlansProperties(String defaultPlan, Map<String, String> tenants) {

    public PlansProperties {
        defaultPlan = defaultPlan == null || defaultPlan.isBlank() ? "THAW_ASSIST" : defaultPlan;
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }
}

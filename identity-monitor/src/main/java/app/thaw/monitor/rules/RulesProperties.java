package app.thaw.monitor.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on tenant rules (the time limit per evaluation is a tenant setting).
 *
 * @param maxRules          rules per tenant
 * @param maxLength         characters per expression
 * @param maxIterations     iterations per comprehension ({@code exists}, {@code all}, {@code map}…)
 * @param cacheTtl          how long an instance reuses a tenant's compiled rules before re-reading them
 */
@ConfigurationProperties("thaw.monitor.rules")
public record RulesProperties(
        @DefaultValue("50") int maxRules,
        @DefaultValue("2000") int maxLength,
        @DefaultValue("1000") int maxIterations,
        @DefaultValue("5s") Duration cacheTtl) {}

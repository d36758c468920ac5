package app.thaw.monitor.subscription;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan of the catalogue: its features and its monthly quota per metered item. An item the plan
 * does not list is not included (a quota of 0); an empty quota means unlimited.
 */
public record Plan(
        String code,
        Map<String, String> name,
        List<String> features,
        Map<MeteredItem, Optional<Long>> quotas,
        PlanFee fee) {

    /** The plan's monthly list price (thaw/plans.yaml {@code fee}); what statements and partner shares are computed from. */
    public record PlanFee(java.math.BigDecimal amount, String currency) {}

    public Plan(String code, Map<String, String> name, List<String> features, Map<MeteredItem, Optional<Long>> quotas) {
        this(code, name, features, quotas, new PlanFee(java.math.BigDecimal.ZERO.setScale(2), "CNY"));
    }

    public Plan {
        name = Map.copyOf(name);
        features = List.copyOf(features);
        quotas = quotas.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(quotas));
    }

    /** The monthly limit of {@code item}: empty when unlimited, 0 when the plan does not include it. */
    public Optional<Long> limit(MeteredItem item) {
        return quotas.getOrDefault(item, Optional.of(0L));
    }
}

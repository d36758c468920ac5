package app.thaw.monitor.subscription;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plans Thaw sells, read from {@value #LOCATION}; an unknown item or a negative quota fails the start. */
public final class PlanCatalogue {

    public static final String LOCATION = app.thaw.platform.plans.PlanLimits.LOCATION;

    private final Map<String, Plan> plans;

    private PlanCatalogue(Map<String, Plan> plans) {
        this.plans = plans;
    }

    public static PlanCatalogue load() {
        return parse(app.thaw.platform.plans.PlanLimits.catalogue());
    }

    @SuppressWarnings("unchecked")
    static PlanCatalogue parse(Map<String, Object> yaml) {
        Map<String, Plan> plans = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) yaml.get("plans")).forEach((code, plan) -> {
            Map<MeteredItem, Optional<Long>> quotas = new EnumMap<>(MeteredItem.class);
            ((Map<String, Object>) plan.getOrDefault("quotas", Map.of())).forEach((key, value) -> {
                MeteredItem item = MeteredItem.byKey(key);
                if ("unlimited".equals(value)) {
                    quotas.put(item, Optional.empty());
                } else if (value instanceof Number n && n.longValue() >= 0) {
                    quotas.put(item, Optional.of(n.longValue()));
                } else {
                    throw new IllegalStateException(
                            "Plan " + code + ": quota " + key + " must be a count of 0 or more, or unlimited");
                }
            });
            Map<String, Object> fee =
                    (Map<String, Object>) plan.getOrDefault("fee", Map.of("amount", "0.00", "currency", "CNY"));
            java.math.BigDecimal amount;
            try {
                amount = new java.math.BigDecimal(String.valueOf(fee.get("amount")))
                        .setScale(2, java.math.RoundingMode.UNNECESSARY);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalStateException(
                        "Plan " + code + ": fee amount must be a decimal with at most 2 places", e);
            }
            if (amount.signum() < 0
                    || !(fee.get("currency") instanceof String currency)
                    || !currency.matches("[A-Z]{3}")) {
                throw new IllegalStateException(
                        "Plan " + code + ": fee must be an amount of 0 or more and an ISO 4217 currency");
            }
            plans.put(
                    code,
                    new Plan(
                            code,
                            (Map<String, String>) plan.getOrDefault("name", Map.of("en", code)),
                            (List<String>) plan.getOrDefault("features", List.of()),
                            quotas,
                            new Plan.PlanFee(amount, currency)));
        });
        return new PlanCatalogue(Map.copyOf(plans));
    }

    public Optional<Plan> plan(String code) {
        return Optional.ofNullable(plans.get(code));
    }

    public java.util.Set<String> codes() {
        return new java.util.TreeSet<>(plans.keySet());
    }
}

package app.thaw.monitor.subscription;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

/** The plans Thaw sells, read from {@value #LOCATION}; an unknown item or a negative quota fails the start. */
public final class PlanCatalogue {

    public static final String LOCATION = "thaw/plans.yaml";

    private final Map<String, Plan> plans;

    private PlanCatalogue(Map<String, Plan> plans) {
        this.plans = plans;
    }

    public static PlanCatalogue load() {
        try (InputStream in = PlanCatalogue.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("No plan catalogue at " + LOCATION);
            }
            return parse(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                    throw new IllegalStateException("Plan " + code + ": quota " + key + " must be a count of 0 or more, or unlimited");
                }
            });
            plans.put(code, new Plan(code, (Map<String, String>) plan.getOrDefault("name", Map.of("en", code)),
                    (List<String>) plan.getOrDefault("features", List.of()), quotas));
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

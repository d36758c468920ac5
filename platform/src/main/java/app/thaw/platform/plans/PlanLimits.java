package app.thaw.platform.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

/**
 * Each plan's monthly limit per metered item, read from the catalogue {@value #LOCATION} (the same
 * data identity-monitor answers {@code /api/v1/subscription} from). An item a plan does not list is
 * not included (0); {@code unlimited} has no limit.
 */
public final class PlanLimits {

    public static final String LOCATION = "thaw/plans.yaml";

    private final Map<String, Map<String, Optional<Long>>> plans;

    PlanLimits(Map<String, Map<String, Optional<Long>>> plans) {
        this.plans = Map.copyOf(plans);
    }

    public static PlanLimits load() {
        return parse(catalogue());
    }

    /** The catalogue as read from {@value #LOCATION}, for identity-monitor's fuller reading of it. */
    public static Map<String, Object> catalogue() {
        try (InputStream in = PlanLimits.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("No plan catalogue at " + LOCATION);
            }
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static PlanLimits parse(Map<String, Object> yaml) {
        Map<String, Map<String, Optional<Long>>> plans = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) yaml.get("plans")).forEach((code, plan) -> {
            Map<String, Optional<Long>> limits = new LinkedHashMap<>();
            ((Map<String, Object>) plan.getOrDefault("quotas", Map.of())).forEach((item, value) -> {
                if ("unlimited".equals(value)) {
                    limits.put(item, Optional.empty());
                } else if (value instanceof Number n && n.longValue() >= 0) {
                    limits.put(item, Optional.of(n.longValue()));
                } else {
                    throw new IllegalStateException(
                            "Plan " + code + ": quota " + item + " must be a count of 0 or more, or unlimited");
                }
            });
            plans.put(code, limits);
        });
        return new PlanLimits(plans);
    }

    public boolean has(String plan) {
        return plans.containsKey(plan);
    }

    public Set<String> codes() {
        return new java.util.TreeSet<>(plans.keySet());
    }

    /** The plan's monthly limit of {@code item}, in the catalogue's unit: empty when unlimited, 0 when not included. */
    public Optional<Long> limit(String plan, String item) {
        Map<String, Optional<Long>> limits = plans.get(plan);
        if (limits == null) {
            throw new IllegalArgumentException("No plan " + plan);
        }
        return limits.getOrDefault(item, Optional.of(0L));
    }
}

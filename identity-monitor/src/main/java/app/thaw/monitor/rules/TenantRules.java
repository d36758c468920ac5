package app.thaw.monitor.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.baseline.Baseline;
import app.thaw.monitor.detection.Detection;
import app.thaw.monitor.detection.Reason;
import app.thaw.monitor.detection.ReasonCode;
import app.thaw.monitor.detection.Severity;
import app.thaw.monitor.detection.Thresholds;
import app.thaw.monitor.signals.Signal;
import dev.cel.runtime.CelRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One tenant's enabled rules, compiled, ready to evaluate against signals. */
public final class TenantRules {

    private static final Logger log = LoggerFactory.getLogger(TenantRules.class);

    static final TenantRules NONE = new TenantRules(List.of());

    private final List<Compiled> rules;

    TenantRules(List<Compiled> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A detection named {@code rule:<name>} for every rule the signal matches within the time limit. */
    public List<Detection> evaluate(Baseline before, Signal signal, Thresholds thresholds, Duration timeLimit) {
        if (rules.isEmpty()) {
            return List.of();
        }
        Map<String, Object> activation = CelRules.activation(before, signal, thresholds);
        List<Detection> found = new ArrayList<>();
        for (Compiled rule : rules) {
            switch (CelRules.evaluate(rule.program(), activation, timeLimit)) {
                case MATCHED ->
                    found.add(new Detection(
                            "rule:" + rule.name(),
                            rule.severity(),
                            List.of(signal.id()),
                            signal.occurredAt(),
                            "Tenant rule '" + rule.name() + "' matched " + signal.type(),
                            Reason.of(ReasonCode.RULE_MATCHED, rule.name(), signal.type())));
                case TIMED_OUT ->
                    log.warn(
                            "Tenant rule {} exceeded its time limit of {} ms on signal {}; skipped",
                            rule.id(),
                            timeLimit.toMillis(),
                            signal.id());
                case FAILED -> log.debug("Tenant rule {} could not evaluate on signal {}", rule.id(), signal.id());
                case NOT_MATCHED -> {}
            }
        }
        return found;
    }

    record Compiled(String id, String name, Severity severity, CelRuntime.Program program) {}
}

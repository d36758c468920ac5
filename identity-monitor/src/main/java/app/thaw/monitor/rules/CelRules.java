package app.thaw.monitor.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import app.thaw.monitor.baseline.Baseline;
import app.thaw.monitor.detection.Thresholds;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.SignalType;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * The CEL environment of tenant rules: two variables, {@code signal} and {@code baseline}, both
 * maps (their keys are listed in docs/identity-monitor.md), and a boolean result. Plain Java:
 * compiling and evaluating need no I/O.
 */
public final class CelRules {

    private final Cel cel;

    public CelRules(int maxIterations) {
        cel = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current()
                        .comprehensionMaxIterations(maxIterations)
                        .build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("signal", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .addVar("baseline", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .setResultType(SimpleType.BOOL)
                .build();
    }

    /**
     * Compiles and evaluates a rule that reads both variables, once: the first evaluation in a process
     * loads and links CEL's interpreter, which alone can take longer than a rule's time limit (50 ms
     * by default) on a busy machine, and would skip the first tenant rule that runs.
     */
    public void warmUp() {
        CelRuntime.Program program =
                compile("signal.type == 'LOGIN' && signal.amount > 1.0 && baseline.signalCount >= 0"
                        + " && baseline.lastDay['LOGIN'] == 0 && !baseline.knownDevice");
        Signal signal = new Signal(
                "warm-up", "warm-up", SignalType.LOGIN, Instant.EPOCH, "device", null, null, null, 2.0, null);
        Thresholds thresholds = new Thresholds(
                ZoneOffset.UTC,
                900,
                100,
                20,
                0.02,
                5,
                Duration.ofMinutes(10),
                3,
                Duration.ofHours(1),
                Duration.ofHours(24),
                Duration.ofHours(24));
        evaluate(program, activation(Baseline.empty(), signal, thresholds), Duration.ofSeconds(30));
    }

    /** Compiles and type-checks; a {@link RuleInvalid} says what is wrong. */
    public CelRuntime.Program compile(String expression) {
        CelValidationResult result = cel.compile(expression);
        if (result.hasError()) {
            throw new RuleInvalid(RuleError.of(expression, result.getErrors(), result.getErrorString()));
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return cel.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            String detail = String.valueOf(e.getMessage());
            throw new RuleInvalid(new RuleError(RuleError.Kind.OTHER, 1, 1, "", "", detail));
        }
    }

    /**
     * Evaluates with a deadline: the evaluation listener runs after every node, and past the
     * deadline it aborts the evaluation. Answers false on a timeout or an evaluation error (e.g. a
     * key the signal lacks), and says which.
     */
    public static Outcome evaluate(CelRuntime.Program program, Map<String, Object> activation, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            Object result = program.trace(activation, (expr, value) -> {
                if (System.nanoTime() > deadline) {
                    throw new RuleTimedOut();
                }
            });
            return Boolean.TRUE.equals(result) ? Outcome.MATCHED : Outcome.NOT_MATCHED;
        } catch (RuleTimedOut timedOut) {
            return Outcome.TIMED_OUT;
        } catch (CelEvaluationException e) {
            return e.getCause() instanceof RuleTimedOut ? Outcome.TIMED_OUT : Outcome.FAILED;
        } catch (RuntimeException e) {
            return hasCause(e, RuleTimedOut.class) ? Outcome.TIMED_OUT : Outcome.FAILED;
        }
    }

    /** The variables a rule sees for one signal against the baseline as it was before it. */
    public static Map<String, Object> activation(Baseline before, Signal signal, Thresholds thresholds) {
        Map<String, Object> s = new HashMap<>();
        s.put("type", signal.type().name());
        s.put("occurredAt", signal.occurredAt().toString());
        s.put("hour", (long) signal.occurredAt().atZone(thresholds.timeZone()).getHour());
        s.put("device", signal.device() == null ? "" : signal.device());
        s.put("ip", signal.ip() == null ? "" : signal.ip());
        s.put("institution", signal.institution() == null ? "" : signal.institution());
        s.put("channel", signal.channel() == null ? "" : signal.channel());
        s.put("amount", signal.amount() == null ? 0.0 : signal.amount());
        s.put("hasLocation", signal.location() != null);
        s.put("lat", signal.location() == null ? 0.0 : signal.location().lat());
        s.put("lon", signal.location() == null ? 0.0 : signal.location().lon());

        Map<String, Object> b = new HashMap<>();
        b.put("signalCount", before.signalCount());
        b.put("deviceCount", (long) before.devices().size());
        b.put("knownDevice", signal.device() != null && before.knowsDevice(signal.device()));
        b.put("knownInstitution", signal.institution() != null && before.knowsInstitution(signal.institution()));
        b.put(
                "hourShare",
                before.hourShare(
                        signal.occurredAt().atZone(thresholds.timeZone()).getHour()));
        Baseline.Located last = before.lastLocated();
        b.put(
                "kmFromLastLocation",
                last == null || signal.location() == null ? -1.0 : last.point().distanceKm(signal.location()));
        b.put(
                "minutesSinceLastLocation",
                last == null
                        ? -1L
                        : Math.abs(
                                Duration.between(last.at(), signal.occurredAt()).toMinutes()));
        Map<String, Object> lastHour = new HashMap<>();
        Map<String, Object> lastDay = new HashMap<>();
        for (SignalType type : SignalType.values()) {
            lastHour.put(type.name(), (long)
                    before.recentOf(type, signal.occurredAt().minus(Duration.ofHours(1)))
                            .size());
            lastDay.put(type.name(), (long)
                    before.recentOf(type, signal.occurredAt().minus(Duration.ofHours(24)))
                            .size());
        }
        b.put("lastHour", lastHour);
        b.put("lastDay", lastDay);
        return Map.of("signal", s, "baseline", b);
    }

    /** How one evaluation ended. */
    public enum Outcome {
        MATCHED,
        NOT_MATCHED,
        TIMED_OUT,
        FAILED
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Thrown from the evaluation listener to stop an evaluation past its deadline. */
    static final class RuleTimedOut extends RuntimeException {
        RuleTimedOut() {
            super("rule evaluation time limit", null, false, false);
        }
    }
}

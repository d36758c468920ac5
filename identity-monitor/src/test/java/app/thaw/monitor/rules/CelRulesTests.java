package app.thaw.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.LongStream;

import app.thaw.monitor.baseline.Baseline;
import app.thaw.monitor.detection.TestThresholds;
import app.thaw.monitor.detection.Thresholds;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.SignalType;
import dev.cel.runtime.CelRuntime;
import org.junit.jupiter.api.Test;

class CelRulesTests {

    static final Thresholds THRESHOLDS = TestThresholds.DEFAULTS;

    @Test
    void aRuleSeesTheSignalAndTheBaselineAsItWas() {
        CelRules cel = new CelRules(1000);
        CelRuntime.Program program = cel.compile("signal.type == 'LOGIN' && !baseline.knownDevice && signal.hour == 3");
        Signal signal = new Signal(
                "s1",
                "x",
                SignalType.LOGIN,
                Instant.parse("2026-11-20T03:15:00Z"),
                "new-phone",
                null,
                null,
                null,
                null,
                null);
        assertThat(CelRules.evaluate(
                        program, CelRules.activation(Baseline.empty(), signal, THRESHOLDS), Duration.ofMillis(100)))
                .isEqualTo(CelRules.Outcome.MATCHED);
    }

    @Test
    void anExpressionThatIsNotBooleanIsRefused() {
        assertThatThrownBy(() -> new CelRules(1000).compile("signal.amount * 2.0"))
                .isInstanceOf(RuleInvalid.class);
    }

    @Test
    void anEvaluationPastItsTimeLimitIsStopped() {
        CelRuntime.Program program = new CelRules(100_000_000)
                .compile("signal.list.all(x, signal.list.all(y, signal.list.all(z, x + y + z >= 0)))");
        Map<String, Object> activation = Map.of(
                "signal", Map.of("list", LongStream.range(0, 1000).boxed().toList()), "baseline", Map.of());
        long start = System.nanoTime();
        assertThat(CelRules.evaluate(program, activation, Duration.ofMillis(20)))
                .isEqualTo(CelRules.Outcome.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aComprehensionOverTheIterationLimitFailsInsteadOfRunning() {
        CelRuntime.Program program = new CelRules(100).compile("signal.list.all(x, x >= 0)");
        Map<String, Object> activation = Map.of(
                "signal", Map.of("list", LongStream.range(0, 1000).boxed().toList()), "baseline", Map.of());
        assertThat(CelRules.evaluate(program, activation, Duration.ofSeconds(5)))
                .isEqualTo(CelRules.Outcome.FAILED);
    }
}

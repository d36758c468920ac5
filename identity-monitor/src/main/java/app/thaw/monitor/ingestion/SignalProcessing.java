package app.thaw.monitor.ingestion;

import java.util.ArrayList;
import java.util.List;

import app.thaw.monitor.alerts.AlertService;
import app.thaw.monitor.baseline.Baselines;
import app.thaw.monitor.detection.Detection;
import app.thaw.monitor.detection.Detectors;
import app.thaw.monitor.detection.Thresholds;
import app.thaw.monitor.rules.RuleService;
import app.thaw.monitor.settings.TenantSettings;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.subjects.Subject;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One subject's new signals against its baseline: the detectors and the tenant's rules see the
 * baseline as it was before each signal, then the baseline learns the signal. The baseline is
 * written only if nobody else wrote it meanwhile (else everything is redone on the fresh one, and
 * signals it already learnt are skipped), and only then are the detections filed as alerts.
 */
@Component
class SignalProcessing {

    private final Baselines baselines;
    private final AlertService alerts;
    private final RuleService rules;

    SignalProcessing(Baselines baselines, AlertService alerts, RuleService rules) {
        this.baselines = baselines;
        this.alerts = alerts;
        this.rules = rules;
    }

    Mono<Void> process(String tenantId, Subject subject, List<Signal> signals, TenantSettings settings) {
        Thresholds thresholds = settings.thresholds();
        return rules.rulesFor(tenantId)
                .flatMap(tenantRules -> Mono.defer(() -> baselines
                                .load(tenantId, subject.id())
                                .flatMap(baseline -> {
                                    List<Detection> detections = new ArrayList<>();
                                    for (Signal signal : signals) {
                                        if (baseline.hasSeen(signal.id())) {
                                            continue;
                                        }
                                        detections.addAll(Detectors.inspect(baseline, signal, thresholds));
                                        detections.addAll(tenantRules.evaluate(
                                                baseline, signal, thresholds, settings.ruleTimeLimit()));
                                        baseline.observe(signal, thresholds.timeZone(), thresholds.longestWindow());
                                    }
                                    return baselines
                                            .save(tenantId, subject.id(), baseline)
                                            .thenReturn(detections);
                                }))
                        .retryWhen(Retry.max(50).filter(OptimisticLockingFailureException.class::isInstance))
                        .flatMap(detections -> detections.isEmpty()
                                ? Mono.empty()
                                : alerts.record(
                                        tenantId,
                                        subject.id(),
                                        subject.label(),
                                        subject.type().name(),
                                        detections,
                                        settings)));
    }
}

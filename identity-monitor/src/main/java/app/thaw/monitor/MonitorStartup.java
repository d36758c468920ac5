package app.thaw.monitor;

import app.thaw.monitor.alerts.AlertService;
import app.thaw.monitor.rules.RuleService;
import app.thaw.monitor.signals.SignalService;
import app.thaw.monitor.subjects.internal.SubjectStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes every query here relies on, before the first request (the unique ones are
 * what make ingestion idempotent and keep one open alert per subject).
 */
@Component
class MonitorStartup implements InitializingBean {

    private final SubjectStore subjects;
    private final SignalService signals;
    private final AlertService alerts;
    private final RuleService rules;

    MonitorStartup(SubjectStore subjects, SignalService signals, AlertService alerts, RuleService rules) {
        this.subjects = subjects;
        this.signals = signals;
        this.alerts = alerts;
        this.rules = rules;
    }

    @Override
    public void afterPropertiesSet() {
        // Start-up, not a request: waiting here keeps the app from serving before its indexes exist.
        subjects.createIndexes().then(signals.createIndexes()).then(alerts.createIndexes()).then(rules.createIndexes())
                .block(java.time.Duration.ofMinutes(1));
    }
}

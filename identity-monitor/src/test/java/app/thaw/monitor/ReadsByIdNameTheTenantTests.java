package app.thaw.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import app.thaw.monitor.alerts.Alert;
import app.thaw.monitor.alerts.Alerts;
import app.thaw.monitor.baseline.Baseline;
import app.thaw.monitor.baseline.Baselines;
import app.thaw.monitor.detection.Detection;
import app.thaw.monitor.detection.Severity;
import app.thaw.monitor.ids.Ids;
import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.protection.ProtectedValue;
import app.thaw.monitor.rules.Rule;
import app.thaw.monitor.rules.StoredRules;
import app.thaw.monitor.screening.AllowList;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.SignalType;
import app.thaw.monitor.signals.Signals;
import app.thaw.monitor.subjects.Subject;
import app.thaw.monitor.subjects.SubjectType;
import app.thaw.monitor.subjects.Subjects;
import app.thaw.platform.problem.NotFound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every store read by id names the tenant in the query (docs/service-shape.md): the object another
 * tenant stored under that id is simply not found, whatever the caller checks afterwards. One test
 * per store whose ids are not the tenant itself (settings, plans, subscriptions and usage are keyed
 * by the tenant).
 */
class ReadsByIdNameTheTenantTests extends MonitorWebTestBase {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    Subjects subjects;

    @Autowired
    Baselines baselines;

    @Autowired
    Signals signals;

    @Autowired
    Alerts alerts;

    @Autowired
    StoredRules rules;

    @Autowired
    AllowList allowList;

    @Test
    void aSubjectIsNotFoundInAnotherTenant() {
        String owner = newTenant();
        String other = newTenant();
        Subject subject = new Subject(
                Ids.next("sub"),
                owner,
                SubjectType.PERSON,
                List.of(new ProtectedValue(IdentifierType.PHONE, "hash-" + owner, "ciphertext", "+86***")),
                false,
                null,
                1,
                NOW);
        subjects.insert(subject).block();

        assertThat(subjects.find(owner, subject.id()).block()).isNotNull();
        assertThat(subjects.find(other, subject.id()).block()).isNull();
        assertThat(subjects.byHashes(other, List.of("hash-" + owner), 10)
                        .collectList()
                        .block())
                .isEmpty();
        assertThatThrownBy(() -> subjects.setHold(other, subject.id(), 1, true, "not theirs")
                        .block())
                .isInstanceOf(NotFound.class);
        assertThat(subjects.deleteUnlessHeld(other, subject.id()).block()).isFalse();
        assertThat(subjects.find(owner, subject.id()).block().legalHold()).isFalse();
    }

    @Test
    void aBaselineIsNotFoundInAnotherTenant() {
        String owner = newTenant();
        String other = newTenant();
        baselines.save(owner, "sub_1", Baseline.empty()).block();

        assertThat(baselines.load(owner, "sub_1").block().version()).isEqualTo(1);
        assertThat(baselines.load(other, "sub_1").block().version()).isZero();
    }

    @Test
    void aSignalIsNotFoundInAnotherTenant() {
        String owner = newTenant();
        String other = newTenant();
        Signal signal =
                new Signal(Ids.next("sig"), "src-1", SignalType.LOGIN, NOW, "device-1", null, null, null, null, null);
        signals.insertAll(owner, List.of(new Signals.Fresh(signal, List.of("h"), List.of("sub_1"))), NOW)
                .block();

        assertThat(signals.bySourceIds(owner, List.of("src-1")).collectList().block())
                .hasSize(1);
        assertThat(signals.bySourceIds(other, List.of("src-1")).collectList().block())
                .isEmpty();
        assertThat(signals.forSubject(other, "sub_1", null, 10).collectList().block())
                .isEmpty();
        signals.markProcessed(other, List.of(signal.id())).block();
        assertThat(signals.bySourceIds(owner, List.of("src-1")).blockFirst().processed())
                .isFalse();
    }

    @Test
    void anAlertIsNotFoundInAnotherTenant() {
        String owner = newTenant();
        String other = newTenant();
        Alert alert = Alert.open(
                Ids.next("alr"),
                owner,
                "sub_1",
                "Z** W**",
                "PERSON",
                new Detection("NEW_DEVICE", Severity.MEDIUM, List.of("sig_1"), NOW, "a new device"),
                Duration.ofHours(1),
                3);
        String openKey = owner + "|sub_1|IDENTITY_MISUSE";
        alerts.insert(alert, openKey, List.of()).block();

        assertThat(alerts.find(owner, alert.id()).block()).isNotNull();
        assertThat(alerts.find(other, alert.id()).block()).isNull();
        assertThat(alerts.holding(other, openKey).block()).isNull();
    }

    @Test
    void aRuleIsNotFoundInAnotherTenant() {
        String owner = newTenant();
        String other = newTenant();
        Rule rule = new Rule(Ids.next("rule"), "late logins", "signal.type == 'LOGIN'", Severity.LOW, true, 1, NOW);
        rules.insert(owner, rule).block();

        assertThat(rules.find(owner, rule.id()).block()).isNotNull();
        assertThat(rules.find(other, rule.id()).block()).isNull();
        assertThatThrownBy(() -> rules.replace(other, rule.id(), 1, "taken over", "true", Severity.HIGH, true, NOW)
                        .block())
                .isInstanceOf(NotFound.class);
        assertThat(rules.delete(other, rule.id()).block()).isFalse();
        assertThat(rules.find(owner, rule.id()).block().name()).isEqualTo("late logins");
    }

    @Test
    void aScreeningDecisionIsNotFoundInAnotherTenant() {
        String owner = newTenant();
        String other = newTenant();
        allowList
                .decide(
                        owner,
                        "sub_1",
                        "12345",
                        "fp",
                        AllowList.Decision.NOT_A_MATCH,
                        "officer",
                        "a namesake",
                        List.of(),
                        null)
                .block();

        assertThat(allowList.decisions(owner, "sub_1").collectList().block()).hasSize(1);
        assertThat(allowList.decisions(other, "sub_1").collectList().block()).isEmpty();
        assertThat(allowList
                        .standing(other, List.of(Map.entry("sub_1", "12345")))
                        .block())
                .isEmpty();
    }
}

package app.thaw.monitor.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.thaw.monitor.detection.Detection;
import app.thaw.monitor.detection.Severity;
import org.junit.jupiter.api.Test;

class AlertTests {

    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    static final Duration WINDOW = Duration.ofHours(24);

    static Detection detection(String detector, Severity severity, Instant at, String signalId) {
        return new Detection(detector, severity, List.of(signalId), at, "test");
    }

    @Test
    void theSameDetectorAgainWithinTheWindowGrowsTheCount() {
        Alert alert =
                Alert.open("a", "t", "s", "S*", "PERSON", detection("NEW_DEVICE", Severity.MEDIUM, T0, "1"), WINDOW, 3);
        alert.absorb(detection("NEW_DEVICE", Severity.MEDIUM, T0.plus(Duration.ofHours(2)), "2"), WINDOW, 3);
        assertThat(alert.count()).isEqualTo(2);
        assertThat(alert.detectors()).containsEntry("NEW_DEVICE", 2);
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.takeRaise()).as("MEDIUM alerts are not announced").isFalse();
    }

    @Test
    void aDetectionAfterTheWindowBelongsToANewAlert() {
        Alert alert =
                Alert.open("a", "t", "s", "S*", "PERSON", detection("NEW_DEVICE", Severity.MEDIUM, T0, "1"), WINDOW, 3);
        assertThat(alert.accepts(T0.plus(Duration.ofHours(23)))).isTrue();
        assertThat(alert.accepts(T0.plus(Duration.ofHours(25)))).isFalse();
    }

    @Test
    void enoughDistinctDetectorsMakeTheAlertHigh() {
        Alert alert =
                Alert.open("a", "t", "s", "S*", "PERSON", detection("NEW_DEVICE", Severity.MEDIUM, T0, "1"), WINDOW, 3);
        alert.absorb(detection("UNUSUAL_HOUR", Severity.LOW, T0, "2"), WINDOW, 3);
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        alert.absorb(detection("NEW_INSTITUTION", Severity.MEDIUM, T0, "3"), WINDOW, 3);
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aClosedAlertTakesNoMoreDetectionsAndRefusesIllegalTransitions() {
        Alert alert =
                Alert.open("a", "t", "s", "S*", "PERSON", detection("NEW_DEVICE", Severity.MEDIUM, T0, "1"), WINDOW, 3);
        alert.moveTo(AlertState.ACKNOWLEDGED);
        alert.moveTo(AlertState.DISMISSED);
        assertThat(alert.accepts(T0)).isFalse();
        assertThatThrownBy(() -> alert.moveTo(AlertState.ACKNOWLEDGED))
                .isInstanceOf(AlertTransitionNotAllowed.class)
                .hasMessageContaining("DISMISSED");
    }

    @Test
    void escalatingAnAlertMakesItHighAndAnnouncesIt() {
        Alert alert =
                Alert.open("a", "t", "s", "S*", "PERSON", detection("NEW_DEVICE", Severity.MEDIUM, T0, "1"), WINDOW, 3);
        alert.moveTo(AlertState.ESCALATED);
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.takeRaise()).isTrue();
    }
}

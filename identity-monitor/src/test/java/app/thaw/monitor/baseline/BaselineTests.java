package app.thaw.monitor.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import app.thaw.monitor.signals.GeoPoint;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.SignalType;
import org.junit.jupiter.api.Test;

class BaselineTests {

    static final Instant T0 = Instant.parse("2026-11-20T01:30:00Z");

    static Signal at(int i, Instant when, String device, GeoPoint where) {
        return new Signal("s" + i, "x" + i, SignalType.LOGIN, when, device, null, where, "bank-a", null, null);
    }

    @Test
    void learnsDevicesPlacesHoursInTheTenantsZoneAndInstitutions() {
        Baseline b = Baseline.empty();
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        b.observe(at(1, T0, "d1", new GeoPoint(39.90, 116.40)), shanghai, Duration.ofHours(24));
        b.observe(at(2, T0.plusSeconds(60), "d1", new GeoPoint(39.95, 116.45)), shanghai, Duration.ofHours(24));
        b.observe(at(3, T0.plusSeconds(120), "d2", new GeoPoint(31.23, 121.47)), shanghai, Duration.ofHours(24));
        assertThat(b.devices()).containsOnlyKeys("d1", "d2");
        assertThat(b.places()).hasSize(2);
        assertThat(b.places().getFirst().count()).isEqualTo(2);
        assertThat(b.hourCounts()[9]).as("01:30 UTC is 09:30 in Shanghai").isEqualTo(3);
        assertThat(b.knowsInstitution("bank-a")).isTrue();
        assertThat(b.hasSeen("s2")).isTrue();
    }

    @Test
    void forgetsRecentActivityOlderThanItsWindow() {
        Baseline b = Baseline.empty();
        b.observe(at(1, T0, "d1", null), ZoneId.of("UTC"), Duration.ofHours(1));
        b.observe(at(2, T0.plus(Duration.ofHours(3)), "d1", null), ZoneId.of("UTC"), Duration.ofHours(1));
        assertThat(b.recent()).extracting(Baseline.Recent::signalId).containsExactly("s2");
        assertThat(b.signalCount()).isEqualTo(2);
    }
}

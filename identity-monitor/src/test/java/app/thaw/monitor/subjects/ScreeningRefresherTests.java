package app.thaw.monitor.subjects;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;

import app.thaw.monitor.screening.ScreeningProperties;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Each list is refreshed on its own schedule; one with an official url is first read from it soon after the start. */
class ScreeningRefresherTests {

    @Test
    void eachListRefreshesOnItsOwnScheduleAndAListWithAUrlSoonAfterTheStart() {
        ScreeningProperties.Source withUrl = new ScreeningProperties.Source(
                "ofac-sdn",
                "SDN",
                ScreeningProperties.Format.OFAC_CSV,
                "classpath:sdn.csv",
                "classpath:alt.csv",
                null,
                "https://example.org/SDN.CSV",
                "https://example.org/ALT.CSV",
                Duration.ofHours(6),
                null);
        ScreeningProperties.Source fast = new ScreeningProperties.Source(
                "fast",
                "Fast",
                ScreeningProperties.Format.OPENSANCTIONS_CSV,
                "file:fast.csv",
                null,
                null,
                null,
                null,
                Duration.ofMillis(300),
                null);
        ScreeningProperties.Source slow = new ScreeningProperties.Source(
                "slow", "Slow", ScreeningProperties.Format.OPENSANCTIONS_CSV, "file:slow.csv", null, null);
        SubjectScreening screening = mock(SubjectScreening.class);
        when(screening.refresh(anyString())).thenReturn(Mono.empty());
        app.thaw.platform.timers.PeriodicPasses refresher = ScreeningRefresher.passes(
                screening,
                new ScreeningProperties(
                        List.of(withUrl, fast, slow), Duration.ofHours(24), Duration.ofMillis(100), null, 10));
        refresher.start();
        try {
            verify(screening, timeout(5_000)).refresh("ofac-sdn");
            verify(screening, timeout(5_000).atLeast(2)).refresh("fast");
            verify(screening, after(500).never()).refresh("slow");
            verify(screening, never()).refresh();
        } finally {
            refresher.stop();
        }
    }
}

package app.thaw.cases.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.thaw.cases.incident.CaseClock;
import app.thaw.cases.incident.ClockKind;
import app.thaw.cases.incident.ClockState;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.Scenario;

/**
 * The dashboard's charts, computed from a bounded list of cases.
 *
 * <p>Time to resolution runs from opening to the decision (resolved, rejected or sent to law), the
 * moment the resolution clock was met; cases without a decision are left out. Golden 15 counts each
 * case's first-notification clock once it is settled or breached. Breaches count every clock that
 * passed its deadline unmet, met late or not.
 *
 * @param cases                 how many cases the figures cover
 * @param truncated             whether more cases matched than were read
 * @param hoursToResolutionByScenario mean hours to the decision, per scenario (decided cases only)
 * @param hoursToResolutionByPlatform mean hours to the decision, per freezing platform
 * @param goldenMet             golden-15 clocks met within 15 minutes
 * @param goldenBreached        golden-15 clocks that passed their deadline
 * @param goldenPending         golden-15 clocks still running
 * @param breachesByClock       breached clocks per clock kind
 */
public record CaseStatistics(
        int cases,
        boolean truncated,
        Map<Scenario, Double> hoursToResolutionByScenario,
        Map<String, Double> hoursToResolutionByPlatform,
        int goldenMet,
        int goldenBreached,
        int goldenPending,
        Map<ClockKind, Integer> breachesByClock) {

    static CaseStatistics of(List<IncidentCase> cases, boolean truncated, Instant now) {
        Map<Scenario, double[]> byScenario = new EnumMap<>(Scenario.class);
        Map<String, double[]> byPlatform = new TreeMap<>();
        Map<ClockKind, Integer> breaches = new EnumMap<>(ClockKind.class);
        int met = 0;
        int breached = 0;
        int pending = 0;
        for (IncidentCase c : cases) {
            Instant decided = c.clocks().stream()
                    .filter(clock -> clock.kind() == ClockKind.RESOLUTION && clock.metAt() != null)
                    .map(CaseClock::metAt)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            if (decided != null) {
                double hours = Duration.between(c.openedAt(), decided).toSeconds() / 3600.0;
                add(byScenario.computeIfAbsent(c.scenario(), s -> new double[2]), hours);
                add(byPlatform.computeIfAbsent(c.platform(), p -> new double[2]), hours);
            }
            for (CaseClock clock : c.clocks()) {
                if (clock.breachedAt() != null) {
                    breaches.merge(clock.kind(), 1, Integer::sum);
                }
                if (clock.kind() != ClockKind.GOLDEN_15 || clock.state() == ClockState.CANCELLED) {
                    continue;
                }
                if (clock.breachedAt() != null
                        || clock.metAt() != null && clock.metAt().isAfter(clock.dueAt())) {
                    breached++;
                } else if (clock.metAt() != null) {
                    met++;
                } else if (clock.dueAt().isBefore(now)) {
                    breached++;
                } else {
                    pending++;
                }
            }
        }
        Map<Scenario, Double> scenarioMeans = new EnumMap<>(Scenario.class);
        byScenario.forEach((scenario, sum) -> scenarioMeans.put(scenario, sum[0] / sum[1]));
        Map<String, Double> platformMeans = new TreeMap<>();
        byPlatform.forEach((platform, sum) -> platformMeans.put(platform, sum[0] / sum[1]));
        return new CaseStatistics(
                cases.size(), truncated, scenarioMeans, platformMeans, met, breached, pending, breaches);
    }

    private static void add(double[] sum, double hours) {
        sum[0] += hours;
        sum[1]++;
    }
}

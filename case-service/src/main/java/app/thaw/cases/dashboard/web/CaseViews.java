package app.thaw.cases.dashboard.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import app.thaw.cases.incident.CaseClock;
import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.ClockState;
import app.thaw.cases.incident.IncidentCase;
import org.jspecify.annotations.Nullable;

/** What the dashboard's templates show of a case: its most urgent clock, times to the second in a zone, the moves allowed now. */
public final class CaseViews {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private CaseViews() {
    }

    /** The clock a case's countdown shows: an unmet breach first (it shows how late), else the nearest running deadline. */
    static Optional<CaseClock> mostUrgent(IncidentCase c) {
        Optional<CaseClock> breached = c.clocks().stream().filter(clock -> clock.state() == ClockState.BREACHED && clock.metAt() == null)
                .min(Comparator.comparing(CaseClock::dueAt));
        return breached.isPresent() ? breached
                : c.clocks().stream().filter(clock -> clock.state() == ClockState.RUNNING).min(Comparator.comparing(CaseClock::dueAt));
    }

    /** One row of the queue. */
    public record Row(IncidentCase c, @Nullable CaseClock urgent, String opened) {

        static Row of(IncidentCase c) {
            return new Row(c, mostUrgent(c).orElse(null), at(c.openedAt(), ZoneId.of("UTC")));
        }
    }

    /**
     * One case's page.
     *
     * @param zh       whether the page is in Chinese (tasks and checklist carry both texts)
     * @param moves    the statuses the case may move to now, in lifecycle order (the API's rule)
     * @param notice   what the last action did, if anything to say
     * @param followUp the follow-up the last contact scheduled
     */
    public record Page(IncidentCase c, ZoneId zone, boolean zh, List<CaseStatus> moves, @Nullable String notice, @Nullable CaseClock followUp) {

        static Page of(IncidentCase c, ZoneId zone, boolean zh, @Nullable String notice, @Nullable CaseClock followUp) {
            List<CaseStatus> moves = c.status().allowedNext().stream().sorted().toList();
            return new Page(c, zone, zh, moves, notice, followUp);
        }

        public String time(@Nullable Instant instant) {
            return instant == null ? "" : at(instant, zone);
        }

        public List<CaseClock> openClocks() {
            return c.clocks().stream().filter(clock -> clock.state().open() || clock.state() == ClockState.BREACHED && clock.metAt() == null)
                    .sorted(Comparator.comparing(CaseClock::dueAt)).toList();
        }

        public @Nullable CaseClock clock(String clockId) {
            return c.clock(clockId).orElse(null);
        }

        public boolean offers(String status) {
            return moves.stream().anyMatch(move -> move.name().equals(status));
        }

        public boolean asksReleaseReference() {
            return moves.contains(CaseStatus.RESOLVED) && c.scenario().requiresReleaseReference();
        }
    }

    static String at(Instant instant, ZoneId zone) {
        return SECONDS.format(instant.atZone(zone));
    }
}

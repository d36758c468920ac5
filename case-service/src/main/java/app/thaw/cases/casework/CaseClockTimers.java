package app.thaw.cases.casework;

import app.thaw.platform.timers.TimerFiring;
import app.thaw.platform.timers.TimerHandler;
import reactor.core.publisher.Mono;

/**
 * A case's earliest deadline arrived: the case breaches every running clock due by now (a clock
 * met, paused or moved meanwhile is not due; a repeated firing finds nothing due), and the timer
 * moves to the next deadline.
 */
public class CaseClockTimers implements TimerHandler {

    private final CaseService cases;

    public CaseClockTimers(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public String type() {
        return CaseStore.CLOCK_TIMER;
    }

    @Override
    public Mono<Void> fire(TimerFiring firing) {
        return cases.deadlinesPassed(
                firing.tenantId(), String.valueOf(firing.payload().get("caseId")), firing.firedAt());
    }
}

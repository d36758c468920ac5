package app.thaw.cases.application;

import app.thaw.platform.timers.TimerFiring;
import app.thaw.platform.timers.TimerHandler;
import reactor.core.publisher.Mono;

/**
 * A clock's deadline arrived: the case decides whether that is a breach (its clock still runs and
 * is due) or nothing (met, paused, moved, or this firing repeated), so firing twice breaches once.
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
        String caseId = String.valueOf(firing.payload().get("caseId"));
        String clockId = String.valueOf(firing.payload().get("clockId"));
        return cases.changeAsSystem(firing.tenantId(), caseId, (c, tenant, now) -> c.clockDue(clockId, firing.firedAt())).then();
    }
}

package app.thaw.monitor.alerts;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** The alert cannot move to the asked state from the one it is in. */
public class AlertTransitionNotAllowed extends ThawProblem {

    public static final String CODE = "alert_transition_not_allowed";

    public AlertTransitionNotAllowed(AlertState current, AlertState wanted) {
        super(
                HttpStatus.CONFLICT,
                CODE,
                "The alert is " + current + " and cannot become " + wanted + "; allowed: " + current.next() + ".",
                Map.of(
                        "currentState",
                        current.name(),
                        "allowedStates",
                        current.next().stream().map(Enum::name).toList()),
                null);
    }
}

package app.thaw.evidence.casefile;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** The hold was released before; a release is recorded once and never undone or repeated. */
public class HoldAlreadyReleased extends ThawProblem {

    public static final String CODE = "hold_already_released";

    public HoldAlreadyReleased(String holdId) {
        super(HttpStatus.CONFLICT, CODE, "Legal hold " + holdId + " was already released; place a new hold instead.");
    }
}

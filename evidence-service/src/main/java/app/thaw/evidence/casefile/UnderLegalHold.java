package app.thaw.evidence.casefile;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/**
 * The case's evidence is frozen by a legal hold: nothing may be deleted or altered, by anyone,
 * administrators included (docs/domain.md §5–§6). Only releasing the hold lifts it.
 */
public class UnderLegalHold extends ThawProblem {

    public static final String CODE = "evidence_under_legal_hold";

    public UnderLegalHold(CaseId caseId, String holdId) {
        super(
                HttpStatus.CONFLICT,
                CODE,
                "Case " + caseId + " is under legal hold " + holdId
                        + ": its evidence cannot be deleted or altered by anyone until the hold is released.",
                Map.of("holdId", holdId),
                null);
    }
}

package app.thaw.evidence.item;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A verdict was asked for an item that already has one: verdicts are final and recorded in the custody log. */
public class EvidenceAlreadyDecided extends ThawProblem {

    public static final String CODE = "evidence_already_decided";

    public EvidenceAlreadyDecided(EvidenceId id, EvidenceStatus status) {
        super(
                HttpStatus.CONFLICT,
                CODE,
                "Evidence " + id + " is already " + status + "; a verdict is final.",
                Map.of("currentStatus", status.name()),
                null);
    }
}

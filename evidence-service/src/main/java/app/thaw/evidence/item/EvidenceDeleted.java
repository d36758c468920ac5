package app.thaw.evidence.item;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** The item was deleted (by a person or by retention); only its record and custody entries remain. */
public class EvidenceDeleted extends ThawProblem {

    public static final String CODE = "evidence_deleted";

    public EvidenceDeleted(EvidenceId id) {
        super(HttpStatus.GONE, CODE, "Evidence " + id + " was deleted; its record and custody log remain.");
    }
}

package app.thaw.monitor.subjects;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** Erasure refused: a legal hold keeps the subject as it is until a compliance officer lifts it. */
public class SubjectUnderLegalHold extends ThawProblem {

    public static final String CODE = "subject_under_legal_hold";

    public SubjectUnderLegalHold(String id) {
        super(
                HttpStatus.CONFLICT,
                CODE,
                "Subject " + id + " is under legal hold and cannot be erased until the hold is released.",
                Map.of("subjectId", id),
                null);
    }
}

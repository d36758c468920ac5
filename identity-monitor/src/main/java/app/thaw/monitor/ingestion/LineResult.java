package app.thaw.monitor.ingestion;

import java.util.List;

import app.thaw.platform.problem.FieldViolation;
import org.jspecify.annotations.Nullable;

/**
 * What became of one signal (one line of a batch).
 *
 * @param line     1-based line number in the batch (1 for a single signal)
 * @param signalId the source's signal id, when the line had one
 * @param result   accepted, duplicate (already received: nothing stored again) or invalid
 * @param id       Thaw's id of the stored signal (accepted and duplicate)
 * @param matchedSubjects how many subjects the signal's identifiers matched (accepted)
 * @param errors   why the line is invalid
 */
public record LineResult(
        int line,
        @Nullable String signalId,
        Outcome result,
        @Nullable String id,
        @Nullable Integer matchedSubjects,
        List<FieldViolation> errors) {

    public enum Outcome {
        accepted,
        duplicate,
        invalid
    }
}

package app.thaw.evidence.upload;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** The declared Content-Type says one thing and the content another: a relabelled file is refused. */
public class EvidenceTypeMismatch extends ThawProblem {

    public static final String CODE = "evidence_type_mismatch";

    public EvidenceTypeMismatch(String declared, String sniffed) {
        super(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                CODE,
                "The file was declared as " + declared + " but its content is " + sniffed + ".",
                Map.of("declaredType", declared, "detectedType", sniffed),
                null);
    }
}

package app.thaw.evidence.upload;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** The file is of a kind Thaw does not keep as evidence: an executable, a script, an archive or unknown binary. */
public class EvidenceTypeNotAllowed extends ThawProblem {

    public static final String CODE = "evidence_type_not_allowed";

    public EvidenceTypeNotAllowed(String type, String source) {
        super(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                CODE,
                "Evidence of type " + type + " (from " + source
                        + ") is not accepted: send images, PDF, office documents, video, plain text or chat exports.",
                Map.of("detectedType", type, "detectedFrom", source),
                null);
    }
}

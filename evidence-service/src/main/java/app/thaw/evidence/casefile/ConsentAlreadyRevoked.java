package app.thaw.evidence.casefile;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** The consent was revoked before; grant a new one to restore the insurer's access. */
public class ConsentAlreadyRevoked extends ThawProblem {

    public static final String CODE = "consent_already_revoked";

    public ConsentAlreadyRevoked(String consentId) {
        super(HttpStatus.CONFLICT, CODE, "Consent " + consentId + " was already revoked; grant a new one instead.");
    }
}

package app.thaw.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * 404 {@code not_found}: nothing of that kind with that id for this caller. Another tenant's object
 * answers exactly the same, so the answer never says that it exists elsewhere.
 */
public class NotFound extends ThawProblem {

    public static final String CODE = "not_found";

    /** "There is no {@code what} '{@code id}' here." — {@code what} in the caller's words, e.g. "webhook endpoint". */
    public NotFound(String what, String id) {
        super(HttpStatus.NOT_FOUND, CODE, "There is no " + what + " '" + id + "' here.");
    }
}

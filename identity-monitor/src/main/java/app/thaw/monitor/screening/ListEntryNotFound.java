package app.thaw.monitor.screening;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** No entry with this key on the lists in use. */
public class ListEntryNotFound extends ThawProblem {

    public static final String CODE = "list_entry_not_found";

    public ListEntryNotFound(String listEntryId) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                CODE,
                "There is no entry " + listEntryId + " on the sanctions lists in use.",
                java.util.Map.of("listEntryId", listEntryId),
                null);
    }
}

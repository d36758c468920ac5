package app.thaw.cases.incident;

import java.util.Map;

/** A case closes only after its post-incident review is complete. */
public final class ReviewRequired extends CaseRefusal {

    public ReviewRequired() {
        super(Kind.CONFLICT, "review_required", "Closing a case requires a completed post-incident review.", Map.of());
    }
}

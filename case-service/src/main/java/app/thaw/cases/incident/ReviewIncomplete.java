package app.thaw.cases.incident;

import java.util.Map;

/** A review cannot be completed yet: too few "why" levels, or an action item without owner or due date. */
public final class ReviewIncomplete extends CaseRefusal {

    public ReviewIncomplete(String detail) {
        super(Kind.UNPROCESSABLE, "review_incomplete", detail, Map.of());
    }
}

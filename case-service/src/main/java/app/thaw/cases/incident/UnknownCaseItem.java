package app.thaw.cases.incident;

import java.util.Map;

/** The case has no such task, clock, checklist item or action item. */
public final class UnknownCaseItem extends CaseRefusal {

    public UnknownCaseItem(String what, String id) {
        super(
                Kind.UNPROCESSABLE,
                "unknown_case_item",
                "The case has no " + what + " '" + id + "'.",
                Map.of("item", what));
    }
}

package app.thaw.cases.incident;

import java.util.Map;

/** The scenario is set at triage: once evidence gathering started, it no longer changes. */
public final class TriageClosed extends CaseRefusal {

    public TriageClosed(CaseStatus status) {
        super(
                Kind.CONFLICT,
                "triage_closed",
                "The scenario can change only while the case is OPEN or TRIAGED; it is " + status + ".",
                Map.of("currentState", status.name()));
    }
}

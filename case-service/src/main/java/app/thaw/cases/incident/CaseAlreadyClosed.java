package app.thaw.cases.incident;

import java.util.Map;

/** A closed case is a record: nothing changes it any more. */
public final class CaseAlreadyClosed extends CaseRefusal {

    public CaseAlreadyClosed() {
        super(Kind.CONFLICT, "case_already_closed", "The case is closed; it can be read but not changed.", Map.of());
    }
}

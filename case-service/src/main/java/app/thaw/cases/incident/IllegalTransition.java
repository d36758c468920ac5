package app.thaw.cases.incident;

import java.util.Map;

/** The lifecycle does not lead from the case's state to the one asked for. */
public final class IllegalTransition extends CaseRefusal {

    public IllegalTransition(CaseStatus current, CaseStatus requested) {
        super(
                Kind.CONFLICT,
                "illegal_transition",
                "A case in " + current + " cannot move to " + requested + "; allowed: "
                        + (current.allowedNext().isEmpty() ? "none" : current.allowedNext()) + ".",
                Map.of(
                        "currentState",
                        current.name(),
                        "requestedState",
                        requested.name(),
                        "allowedStates",
                        current.allowedNext().stream().map(Enum::name).sorted().toList()));
    }
}

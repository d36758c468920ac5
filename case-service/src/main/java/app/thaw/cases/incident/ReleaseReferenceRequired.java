package app.thaw.cases.incident;

import java.util.Map;

/** Judicial freezes and compliance holds resolve only with the authority's or institution's written release. */
public final class ReleaseReferenceRequired extends CaseRefusal {

    public ReleaseReferenceRequired(Scenario scenario) {
        super(
                Kind.UNPROCESSABLE,
                "release_reference_required",
                "A " + scenario + " case cannot be resolved without an external release reference (the authority's "
                        + "release notice or the institution's written release).",
                Map.of("scenario", scenario.name()));
    }
}

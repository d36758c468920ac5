package app.thaw.evidence.casefile;

/** A case as case-service names it; this service learns its tenant and scenario from case events. */
public record CaseId(String value) {

    public CaseId {
        if (value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("A case id has 1 to 100 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

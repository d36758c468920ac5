package app.thaw.cases.incident;

import java.util.UUID;

/** A case's identity: opaque, unguessable, the same in every tenant's view. */
public record CaseId(String value) {

    public CaseId {
        if (value.isBlank()) {
            throw new IllegalArgumentException("A case id is never blank");
        }
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

package app.thaw.evidence.item;

import java.util.UUID;

/** Identifies one evidence item, across tenants. */
public record EvidenceId(String value) {

    public EvidenceId {
        if (value.isBlank()) {
            throw new IllegalArgumentException("An evidence id is not blank");
        }
    }

    public static EvidenceId newId() {
        return new EvidenceId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

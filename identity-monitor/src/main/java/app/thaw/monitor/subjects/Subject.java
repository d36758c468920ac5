package app.thaw.monitor.subjects;

import java.time.Instant;
import java.util.List;

import app.thaw.monitor.protection.IdentifierType;
import app.thaw.monitor.protection.ProtectedValue;
import org.jspecify.annotations.Nullable;

/**
 * A monitored person or company and its protected identifiers. It guards its legal hold: a
 * subject under hold cannot be erased.
 *
 * @param id          the subject id (time-ordered, so lists page in enrolment order)
 * @param tenantId    the tenant that enrolled it
 * @param type        person or company
 * @param identifiers hashed, encrypted and masked identifiers
 * @param legalHold   whether erasure is refused
 * @param holdReason  why the hold was placed
 * @param version     optimistic-concurrency version
 * @param createdAt   enrolment time
 */
public record Subject(
        String id,
        String tenantId,
        SubjectType type,
        List<ProtectedValue> identifiers,
        boolean legalHold,
        @Nullable String holdReason,
        long version,
        Instant createdAt) {

    public Subject {
        identifiers = List.copyOf(identifiers);
    }

    /** A masked label for lists and events: the Latin name, else the native name, else the first identifier. */
    public String label() {
        for (IdentifierType preferred : List.of(IdentifierType.NAME_LATIN, IdentifierType.NAME_NATIVE)) {
            for (ProtectedValue value : identifiers) {
                if (value.type() == preferred) {
                    return value.masked();
                }
            }
        }
        return identifiers.isEmpty() ? "subject" : identifiers.getFirst().masked();
    }

    public List<String> hashes() {
        return identifiers.stream().map(ProtectedValue::hash).distinct().toList();
    }

    public List<ProtectedValue> names() {
        return identifiers.stream().filter(value -> value.type().isName()).toList();
    }

    /** Refuses when the subject is under legal hold. */
    public void checkErasable() {
        if (legalHold) {
            throw new SubjectUnderLegalHold(id);
        }
    }
}

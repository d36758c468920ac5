package app.thaw.monitor.subjects;

import java.util.Set;

import app.thaw.monitor.screening.matching.ListEntry;

/** Whose identity is monitored. */
public enum SubjectType {
    PERSON,
    COMPANY;

    /** The kinds of list entry a subject of this type is screened against. */
    public Set<ListEntry.EntryType> listedAs() {
        return this == PERSON
                ? Set.of(ListEntry.EntryType.INDIVIDUAL)
                : Set.of(ListEntry.EntryType.ENTITY, ListEntry.EntryType.VESSEL, ListEntry.EntryType.AIRCRAFT);
    }
}

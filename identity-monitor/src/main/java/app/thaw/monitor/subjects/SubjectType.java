package app.thaw.monitor.subjects;

/** Whose identity is monitored. */
public enum SubjectType {
    PERSON, COMPANY
}

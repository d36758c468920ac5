package app.thaw.cases.incident;

/** Whether the holder is a person or a company: it decides the identity part of the checklist. */
public enum EntityType {
    INDIVIDUAL,
    ENTERPRISE
}

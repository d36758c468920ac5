package app.thaw.cases.incident;

/** The three grades of a materials deficiency (docs/domain.md §2), each handled differently. */
public enum MaterialsGrade {
    MINOR_OMISSION,
    OUTDATED_STANDARD,
    /** Documents contradict each other: staff only, all outgoing communication stops. */
    SUBSTANTIVE_DISCREPANCY
}

/** Taking signals in: validation, idempotent storage, matching to subjects, then baselines, detectors, rules and alerts per subject. */
@NullMarked
package app.thaw.monitor.ingestion;

import org.jspecify.annotations.NullMarked;

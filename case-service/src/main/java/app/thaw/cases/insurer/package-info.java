/** Insurers follow the cases a holder consented to: status, clocks, checklist progress and restoration, nothing more (ADR 60). */
@NullMarked
package app.thaw.cases.insurer;

import org.jspecify.annotations.NullMarked;

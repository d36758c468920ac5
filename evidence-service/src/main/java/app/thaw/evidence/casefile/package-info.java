/** What this service knows about a case: its tenant and scenario (from case events), legal holds and insurer consents. */
@NullMarked
package app.thaw.evidence.casefile;

import org.jspecify.annotations.NullMarked;

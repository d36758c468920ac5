/** The evidence model in plain Java: items, verdicts, case files with holds and consents, and the custody hash chain. */
@NullMarked
package app.thaw.evidence.domain;

import org.jspecify.annotations.NullMarked;

/** HTTP entry for verdicts. */
@NullMarked
package app.thaw.evidence.verification.web;

import org.jspecify.annotations.NullMarked;

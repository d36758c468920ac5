/** Staff verdicts on evidence items: accept or reject with a reason, with the document's metadata. */
@NullMarked
package app.thaw.evidence.verification;

import org.jspecify.annotations.NullMarked;

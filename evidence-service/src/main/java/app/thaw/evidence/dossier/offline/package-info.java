/** Verifies a dossier with no access to Thaw: plain Java, used by the service and by the command-line verifier. */
@NullMarked
package app.thaw.evidence.dossier.offline;

import org.jspecify.annotations.NullMarked;

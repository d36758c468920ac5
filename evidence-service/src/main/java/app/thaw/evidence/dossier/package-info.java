/** Exports a case's evidence as a signed ZIP dossier and verifies dossiers. */
@NullMarked
package app.thaw.evidence.dossier;

import org.jspecify.annotations.NullMarked;

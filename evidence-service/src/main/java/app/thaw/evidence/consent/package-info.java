/** Insurer consents: the case holder lets one insurer tenant follow the case and fetch its dossier, and revokes it. */
@NullMarked
package app.thaw.evidence.consent;

import org.jspecify.annotations.NullMarked;

/** HTTP entry for dossiers and the public signing keys. */
@NullMarked
package app.thaw.evidence.dossier.web;

import org.jspecify.annotations.NullMarked;

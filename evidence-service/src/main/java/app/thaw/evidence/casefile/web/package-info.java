/** HTTP entry for legal holds and insurer consents. */
@NullMarked
package app.thaw.evidence.casefile.web;

import org.jspecify.annotations.NullMarked;

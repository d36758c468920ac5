/** The consents endpoints: grant, list and revoke an insurer's consent. */
@NullMarked
package app.thaw.evidence.consent.web;

import org.jspecify.annotations.NullMarked;

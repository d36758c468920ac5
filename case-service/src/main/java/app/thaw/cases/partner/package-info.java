/** Partner links: a merchant tenant lets a partner bank open and work its cases, and revokes that (ADR 60). */
@NullMarked
package app.thaw.cases.partner;

import org.jspecify.annotations.NullMarked;

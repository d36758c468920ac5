/** HTTP entry for reading and verifying a case's custody log. */
@NullMarked
package app.thaw.evidence.custody.web;

import org.jspecify.annotations.NullMarked;

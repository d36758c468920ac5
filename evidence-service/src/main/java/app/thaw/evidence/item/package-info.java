/** Stored evidence items: the repository over the evidence collection and access rules per caller. */
@NullMarked
package app.thaw.evidence.item;

import org.jspecify.annotations.NullMarked;

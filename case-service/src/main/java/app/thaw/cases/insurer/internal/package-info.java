/** Insurers' follows in the store, and the wiring of the insurer feature. */
@NullMarked
package app.thaw.cases.insurer.internal;

import org.jspecify.annotations.NullMarked;

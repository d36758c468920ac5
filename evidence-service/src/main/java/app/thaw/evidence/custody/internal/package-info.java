/** The custody log in MongoDB: entries keyed by case and position, the chain's head on the case file, signed heads. */
@NullMarked
package app.thaw.evidence.custody.internal;

import org.jspecify.annotations.NullMarked;

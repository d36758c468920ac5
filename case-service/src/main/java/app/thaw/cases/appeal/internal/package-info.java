/** The wiring of appeal letters. */
@NullMarked
package app.thaw.cases.appeal.internal;

import org.jspecify.annotations.NullMarked;

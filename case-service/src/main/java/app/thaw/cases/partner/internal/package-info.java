/** The wiring of partner links. */
@NullMarked
package app.thaw.cases.partner.internal;

import org.jspecify.annotations.NullMarked;

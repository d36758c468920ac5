/** How tenant rules are stored: one document per rule, versioned. */
@NullMarked
package app.thaw.monitor.rules.internal;

import org.jspecify.annotations.NullMarked;

/** Tenant rules written in CEL over a signal and its subject's baseline: validated on save, evaluated with a time limit. */
@NullMarked
package app.thaw.monitor.rules;

import org.jspecify.annotations.NullMarked;

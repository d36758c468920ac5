/** How tenant settings and plans are stored: one versioned document per tenant. */
@NullMarked
package app.thaw.monitor.settings.internal;

import org.jspecify.annotations.NullMarked;

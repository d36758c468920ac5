/** How usage counts are stored: one document per tenant and month, written by atomic increments. */
@NullMarked
package app.thaw.monitor.metering.internal;

import org.jspecify.annotations.NullMarked;

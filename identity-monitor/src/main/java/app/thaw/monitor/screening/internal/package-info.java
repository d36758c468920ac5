/** How screening decisions (the allow-list) are stored: one document per tenant, subject and list entry. */
@NullMarked
package app.thaw.monitor.screening.internal;

import org.jspecify.annotations.NullMarked;

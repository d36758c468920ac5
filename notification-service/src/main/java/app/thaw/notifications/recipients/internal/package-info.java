/** The recipients' store (documents and their mapping) and tenant-scoped versioned writes. */
@NullMarked
package app.thaw.notifications.recipients.internal;

import org.jspecify.annotations.NullMarked;

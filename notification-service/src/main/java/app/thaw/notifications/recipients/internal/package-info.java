/** The recipients' store: documents and their mapping. */
@NullMarked
package app.thaw.notifications.recipients.internal;

import org.jspecify.annotations.NullMarked;

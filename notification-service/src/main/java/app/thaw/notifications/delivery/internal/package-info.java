/** Storage, channel senders' contract and the event and timer handlers of the dispatch pipeline. */
@NullMarked
package app.thaw.notifications.delivery.internal;

import org.jspecify.annotations.NullMarked;

/** Turns events into messages and delivers each (event, recipient, channel) at most once, with a log of every attempt. */
@NullMarked
package app.thaw.notifications.delivery;

import org.jspecify.annotations.NullMarked;

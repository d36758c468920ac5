/** The staff dashboard's own reads: the relay's dead letters. */
@NullMarked
package app.thaw.notifications.dashboard;

import org.jspecify.annotations.NullMarked;

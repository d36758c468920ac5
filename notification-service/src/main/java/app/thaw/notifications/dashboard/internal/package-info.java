/** The dead letters read from the platform's relay. */
@NullMarked
package app.thaw.notifications.dashboard.internal;

import org.jspecify.annotations.NullMarked;

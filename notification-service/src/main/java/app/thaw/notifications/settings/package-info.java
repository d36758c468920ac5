/** Per-tenant notification settings: reminder offsets, escalation, retry schedule, each with a default. */
@NullMarked
package app.thaw.notifications.settings;

import org.jspecify.annotations.NullMarked;

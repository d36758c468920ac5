/** Who may change a tenant's notification setup, and who among Thaw's staff sees another tenant's restricted cases. */
@NullMarked
package app.thaw.notifications.access;

import org.jspecify.annotations.NullMarked;

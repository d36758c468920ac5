/** Who may change a tenant's notification setup, and what a caller finds of another tenant's objects (nothing: 404). */
@NullMarked
package app.thaw.notifications.access;

import org.jspecify.annotations.NullMarked;

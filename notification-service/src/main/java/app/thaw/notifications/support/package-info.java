/** Infrastructure shared by the features: cursor pages, caller access checks and tenant-scoped versioned writes. */
@NullMarked
package app.thaw.notifications.support;

import org.jspecify.annotations.NullMarked;

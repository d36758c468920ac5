/** Signed webhooks to tenant-registered endpoints per the Standard Webhooks specification. */
@NullMarked
package app.thaw.notifications.webhooks;

import org.jspecify.annotations.NullMarked;

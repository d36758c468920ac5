/** Sending webhooks: signing, the address guard and the HTTP client. */
@NullMarked
package app.thaw.notifications.webhooks.internal;

import org.jspecify.annotations.NullMarked;

/** The webhook endpoints' store (secrets sealed at rest), the Standard Webhooks sender and its client. */
@NullMarked
package app.thaw.notifications.webhooks.internal;

import org.jspecify.annotations.NullMarked;

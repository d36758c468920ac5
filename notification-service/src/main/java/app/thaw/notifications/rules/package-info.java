/** Which event types notify whom on which channels: defaults for every event the domain names, editable per tenant. */
@NullMarked
package app.thaw.notifications.rules;

import org.jspecify.annotations.NullMarked;

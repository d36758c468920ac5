/** Message templates per event type, channel and language, rendered with logic-less Mustache and the right escaping per channel. */
@NullMarked
package app.thaw.notifications.templates;

import org.jspecify.annotations.NullMarked;

/** The tenants' own templates in store, and how a message's template is found among them and Thaw's. */
@NullMarked
package app.thaw.notifications.templates.internal;

import org.jspecify.annotations.NullMarked;

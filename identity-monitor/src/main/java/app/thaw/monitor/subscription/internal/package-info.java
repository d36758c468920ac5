/** How subscriptions, partner shares and the per-tenant subject count are stored, and the wiring that needs the store. */
@NullMarked
package app.thaw.monitor.subscription.internal;

import org.jspecify.annotations.NullMarked;

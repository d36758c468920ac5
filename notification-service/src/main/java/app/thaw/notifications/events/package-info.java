/**
 * The event notification-service publishes ({@link app.thaw.notifications.events.NotificationEvents})
 * and its own records of the case clock events it consumes ({@link app.thaw.notifications.events.ConsumedEvents}).
 * docs/events.md is the contract both are tested against. The events it turns into messages are
 * passed to templates and webhooks as their JSON (see {@code NotifyingEventHandler}).
 */
@NullMarked
package app.thaw.notifications.events;

import org.jspecify.annotations.NullMarked;

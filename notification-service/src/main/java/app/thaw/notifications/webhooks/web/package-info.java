/** HTTP API for webhook endpoints, their secrets and replays. */
@NullMarked
package app.thaw.notifications.webhooks.web;

import org.jspecify.annotations.NullMarked;

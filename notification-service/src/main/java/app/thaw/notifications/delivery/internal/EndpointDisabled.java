package app.thaw.notifications.delivery.internal;

import app.thaw.notifications.templates.TemplateFacts;

/**
 * What the tenant is told when a webhook endpoint was disabled ({@code thaw.webhook.endpoint_disabled}).
 *
 * @param reason why, in the words the API keeps (gone, by the tenant, failing N days)
 */
record EndpointDisabled(String endpointId, String url, String reason) implements TemplateFacts {}

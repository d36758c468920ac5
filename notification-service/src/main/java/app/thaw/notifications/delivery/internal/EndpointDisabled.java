package app.thaw.notifications.delivery.internal;

import app.thaw.notifications.templates.TemplateFacts;
import org.jspecify.annotations.Nullable;

/**
 * What the tenant is told when a webhook endpoint was disabled ({@code thaw.webhook.endpoint_disabled}).
 *
 * @param reason         why, in the English sentence the API keeps (gone, by the tenant, failing N days), for
 *                       templates written before the code
 * @param disabledReason the reason's code ({@code DisabledReason}), which each recipient's message words in its
 *                       language ({@code disabledReasonText})
 * @param days           for a failing endpoint, the days it failed
 */
record EndpointDisabled(
        String endpointId,
        String url,
        String reason,
        String disabledReason,
        @Nullable Long days) implements TemplateFacts {}

package app.thaw.notifications.delivery;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What one attempt came to.
 *
 * @param provider   who carried it (SMTP host, SMS provider, endpoint, mailbox)
 * @param response   the provider's answer, for the delivery log (status line, message id, error)
 * @param retryAfter the receiver asked to wait at least this long ({@code Retry-After})
 * @param gone       the receiver will never accept it (HTTP 410): do not retry, disable the endpoint
 */
public record SendOutcome(
        boolean succeeded,
        String provider,
        String response,
        @Nullable Duration retryAfter,
        boolean gone) {

    public static SendOutcome success(String provider, String response) {
        return new SendOutcome(true, provider, response, null, false);
    }

    public static SendOutcome failure(String provider, String response) {
        return new SendOutcome(false, provider, response, null, false);
    }
}

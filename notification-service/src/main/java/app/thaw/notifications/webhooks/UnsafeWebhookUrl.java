package app.thaw.notifications.webhooks;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A webhook URL Thaw will not call: it points into a private network or is not http(s). */
public class UnsafeWebhookUrl extends ThawProblem {

    public static final String CODE = "webhook_url_refused";

    public UnsafeWebhookUrl(String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, CODE, "The webhook URL is refused: " + reason);
    }
}

package app.thaw.notifications.delivery;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/** A replay was asked for while the delivery is being attempted or has not had its first attempt. */
public class DeliveryInProgress extends ThawProblem {

    public static final String CODE = "delivery_in_progress";

    public DeliveryInProgress(String id) {
        super(
                HttpStatus.CONFLICT,
                CODE,
                "Delivery '" + id + "' is being attempted or waits for its first attempt; replay it later");
    }
}

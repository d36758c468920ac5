package app.thaw.notifications.delivery;

import java.time.Instant;

/** The first successful delivery to the client of a case: what closes the golden 15 minutes. */
public record FirstDelivery(String caseId, String deliveryId, String channel, Instant deliveredAt) {}

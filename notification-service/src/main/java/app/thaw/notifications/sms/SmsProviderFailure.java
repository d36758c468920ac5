package app.thaw.notifications.sms;

/** A provider answered but did not take the message (e.g. HTTP 5xx, 4xx, a rejection in its body). */
public class SmsProviderFailure extends RuntimeException {

    public SmsProviderFailure(String message) {
        super(message);
    }
}

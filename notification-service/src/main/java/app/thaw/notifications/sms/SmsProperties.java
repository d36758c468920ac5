package app.thaw.notifications.sms;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMS providers, tried in order: the first that takes the message wins. None configured: SMS go
 * to the development mailbox.
 */
@ConfigurationProperties("thaw.notifications.sms")
public record SmsProperties(
        @DefaultValue List<Provider> providers,
        @DefaultValue("10s") Duration timeout) {

    /**
     * A provider reached over HTTP: {@code POST {url}} with JSON {@code {"to", "text"}} and the API
     * key as a bearer token; a 2xx answer's {@code id} is the message id.
     *
     * @param apiKey from the environment, never a committed file
     */
    public record Provider(String name, URI url, @Nullable String apiKey) {}
}

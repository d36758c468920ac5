package app.thaw.notifications.sms;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** An SMS provider with a JSON HTTP API ({@link SmsProperties.Provider}). */
public class HttpSmsProvider implements SmsProvider {

    private final SmsProperties.Provider settings;
    private final WebClient web;
    private final Duration timeout;

    public HttpSmsProvider(SmsProperties.Provider settings, WebClient web, Duration timeout) {
        this.settings = settings;
        this.web = web;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Mono<String> send(String phoneNumber, String text) {
        return web.post()
                .uri(settings.url())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (settings.apiKey() != null) {
                        headers.setBearerAuth(settings.apiKey());
                    }
                })
                .bodyValue(Map.of("to", phoneNumber, "text", text))
                .exchangeToMono(response -> response.bodyToMono(Map.class)
                        .defaultIfEmpty(Map.of())
                        .flatMap(body -> response.statusCode().is2xxSuccessful()
                                ? Mono.just(String.valueOf(body.getOrDefault("id", "accepted")))
                                : Mono.error(new SmsProviderFailure(
                                        "HTTP " + response.statusCode().value()))))
                .timeout(timeout);
    }
}

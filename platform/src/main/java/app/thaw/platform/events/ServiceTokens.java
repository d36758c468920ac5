package app.thaw.platform.events;

import java.net.URI;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import reactor.core.publisher.Mono;

/**
 * The access token a service presents when it calls another service: client credentials of its
 * own Keycloak client, cached by Spring Security until shortly before it expires.
 */
public interface ServiceTokens {

    Mono<String> token();

    static ServiceTokens clientCredentials(URI tokenUri, String clientId, String clientSecret) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("thaw-service")
                .tokenUri(tokenUri.toString())
                .clientId(clientId)
                .clientSecret(clientSecret)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
        var registrations = new InMemoryReactiveClientRegistrationRepository(registration);
        var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
                registrations, new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials()
                .build());
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId("thaw-service")
                .principal(clientId)
                .build();
        return () ->
                manager.authorize(request).map(client -> client.getAccessToken().getTokenValue());
    }

    /** For a service configured without a client: every call fails, saying what is missing. */
    static ServiceTokens unconfigured() {
        return () -> Mono.error(new IllegalStateException(
                "thaw.events.client.client-id and client-secret are not set: this service cannot call other services"));
    }
}

package app.thaw.gateway.console;

import java.util.Map;

import app.thaw.platform.security.ThawSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The browser side of the gateway, apart from the stateless API: {@code /console} and each
 * service's {@code /dashboard/**} sign staff in through Keycloak (authorization code with PKCE
 * S256, a confidential client), keep a session, and relay the session's access token to the
 * services, which validate it again as for any API call. Everything else stays with the
 * platform's stateless resource-server chain.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain consoleChain(
            ServerHttpSecurity http,
            ReactiveClientRegistrationRepository registrations,
            ReactiveOAuth2UserService<OidcUserRequest, OidcUser> users) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        // PKCE even though the client is confidential (OAuth 2.0 Security BCP): a stolen code is useless.
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler logoutAtKeycloak =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutAtKeycloak.setPostLogoutRedirectUri("{baseUrl}/console");

        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(
                        "/console", "/console/**", "/dashboard/**", "/oauth2/**", "/login/**"))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/console/assets/**")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests)
                        .authenticationMatcher(
                                ServerWebExchangeMatchers.pathMatchers("/login/oauth2/code/{registrationId}")))
                .oauth2Client(client -> {})
                // The token travels in a cookie the pages' script reads (htmx sends it back as
                // X-XSRF-TOKEN on every write to a dashboard) and in the logout form.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new HeaderOnlyForDashboards()))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessHandler(logoutAtKeycloak))
                .build();
    }

    /**
     * A dashboard write's token is read from its header only. Looking for it in an urlencoded form
     * body (the default) reads that body in the gateway, and the proxied request then reaches the
     * service without it. The console's own forms (logout) still send it as a form field.
     */
    static final class HeaderOnlyForDashboards extends ServerCsrfTokenRequestAttributeHandler {

        @Override
        public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
            if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/dashboard/")) {
                return Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName()));
            }
            return super.resolveCsrfTokenValue(exchange, csrfToken);
        }
    }

    /** Makes the CSRF token (created lazily) exist on every console page, so its cookie is set. */
    @Bean
    WebFilter consoleCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }

    /**
     * Built here rather than from OIDC discovery so the gateway starts (and its tests run) without
     * Keycloak being up; the endpoints are Keycloak's fixed paths under the realm's issuer.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(
            ThawSecurityProperties security, ConsoleProperties console) {
        String issuer = security.issuerUri().toString().replaceAll("/+$", "");
        String oidc = issuer + "/protocol/openid-connect";
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(console.clientId())
                .clientSecret(console.clientSecret() == null ? "" : console.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(oidc + "/auth")
                .tokenUri(oidc + "/token")
                .jwkSetUri(security.effectiveJwkSetUri().toString())
                .userInfoUri(oidc + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(issuer)
                .providerConfigurationMetadata(Map.of("issuer", issuer, "end_session_endpoint", oidc + "/logout"))
                .clientName("Keycloak")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(keycloak);
    }

    /**
     * The signed-in user's authorities are the realm roles in their access token, read with the
     * same decoder (issuer, audience, signature) and role mapping every service applies, so the
     * landing page offers exactly what the services will allow.
     */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> consoleUsers(
            ReactiveJwtDecoder tokens, ReactiveJwtAuthenticationConverterAdapter roles) {
        OidcReactiveOAuth2UserService oidc = new OidcReactiveOAuth2UserService();
        return request -> oidc.loadUser(request)
                .flatMap(user -> tokens.decode(request.getAccessToken().getTokenValue())
                        .flatMap(roles::convert)
                        .map(authentication -> (OidcUser) new DefaultOidcUser(
                                authentication.getAuthorities(),
                                user.getIdToken(),
                                user.getUserInfo(),
                                "preferred_username")));
    }
}

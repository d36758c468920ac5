package app.thaw.platform.security;

import java.util.ArrayList;
import java.util.List;

import app.thaw.platform.problem.ProblemAutoConfiguration;
import app.thaw.platform.problem.ProblemResponses;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Every Thaw service is an OAuth2 resource server in its own right: it validates each token
 * itself rather than trusting the gateway (defence in depth). Stateless: no session, no CSRF
 * (bearer tokens are not sent by browsers on their own).
 */
@AutoConfiguration(
        after = ProblemAutoConfiguration.class,
        before = {
            ReactiveWebSecurityAutoConfiguration.class,
            ReactiveManagementWebSecurityAutoConfiguration.class,
            ReactiveOAuth2ResourceServerAutoConfiguration.class
        },
        beforeName = "org.springframework.boot.webflux.autoconfigure.WebSessionIdResolverAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ThawSecurityProperties.class)
@EnableWebFluxSecurity
public class PlatformSecurityAutoConfiguration {

    /** Paths any caller may reach: probes and API documents. */
    static final List<String> ALWAYS_PUBLIC =
            List.of("/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**");
    /** Platform administration in every service's API: a {@code platform_admin} token only. */
    public static final String ADMIN_PATHS = "/api/v1/*/admin/**";
    /** Metrics, scraped without a token on the private network (services); {@code thaw.security.public-metrics}. */
    static final String METRICS = "/actuator/prometheus";

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder thawJwtDecoder(ThawSecurityProperties properties, WebClient.Builder webClients) {
        return TokenValidation.decoder(properties, webClients.build());
    }

    /**
     * No observation (span and timer) around each of Spring Security's filters, its authentication and
     * its authorization: on every request they were a large share of the filter chain's cost, and the
     * request's own span and {@code http.server.requests} already cover it.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings thawSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring's strict firewall, its header rules checked without regular expressions ({@link FirewallHeaderRules}). */
    @Bean
    @ConditionalOnMissingBean
    ServerWebExchangeFirewall thawFirewall() {
        return FirewallHeaderRules.firewall();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemResponses responses) {
        return new ProblemAuthenticationEntryPoint(responses);
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtAuthenticationConverterAdapter thawJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RealmRoleAuthorities());
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /** The operations' declared roles (ADR 51), decided from the handler each request maps to. */
    @Bean
    @ConditionalOnMissingBean
    RoleGate thawRoleGate(BeanFactory beans) {
        return new RoleGate(() -> RoleGate.mapping(beans));
    }

    /** Every declaration names known roles: a misspelt one fails the start, not a request. */
    @Bean
    SmartInitializingSingleton thawAllowedRolesChecked(BeanFactory beans) {
        return () -> {
            RequestMappingHandlerMapping mapping = RoleGate.mapping(beans);
            if (mapping != null) {
                mapping.getHandlerMethods().values().forEach(RoleGate::allowed);
            }
        };
    }

    /** A service (not the gateway, whose console keeps a session) never reads, sets or expires session cookies. */
    @Bean
    @ConditionalOnProperty("thaw.service.area")
    @ConditionalOnMissingBean(WebSessionIdResolver.class)
    WebSessionIdResolver noSessionCookies() {
        return new NoSessionCookies();
    }

    /**
     * The stateless API chain, last in order so an application may put a narrower chain (with a
     * {@code securityMatcher}) before it — as the gateway does for its browser console.
     */
    @Bean
    @ConditionalOnMissingBean(name = "thawResourceServerChain")
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityWebFilterChain thawResourceServerChain(
            ServerHttpSecurity http,
            ThawSecurityProperties properties,
            ReactiveJwtDecoder decoder,
            ReactiveJwtAuthenticationConverterAdapter converter,
            ProblemAuthenticationEntryPoint problems,
            RoleGate roles) {
        List<String> publicPaths = new ArrayList<>(ALWAYS_PUBLIC);
        if (properties.publicMetrics()) {
            publicPaths.add(METRICS);
        }
        publicPaths.addAll(properties.publicPaths());
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(publicPaths.toArray(String[]::new))
                        .permitAll()
                        // Service-to-service only (event delivery); the gateway routes nothing here.
                        .pathMatchers("/internal/**")
                        .hasRole(ThawRoles.SERVICE)
                        .pathMatchers(ADMIN_PATHS, "/actuator/**")
                        .hasRole(ThawRoles.PLATFORM_ADMIN)
                        // Authenticated, and holding a role the operation declares (@AllowedRoles), if it declares any.
                        .anyExchange()
                        .access(roles))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}

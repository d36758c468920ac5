package app.thaw.platform.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What makes a bearer token acceptable to Thaw: signed (RS256) by a key of the realm, not
 * expired, issued by the configured realm, meant for the Thaw API ({@code aud}) and naming the
 * caller's tenant by a well-formed tenant id ({@link TenantIds}: the services build keys such as
 * {@code <tenant>|<case>} from it, so a {@code |}, a space or a 10 kB claim never reaches them). Unsigned ({@code alg: none}) tokens never match the RS256 key selector.
 */
public final class TokenValidation {

    public static final String TENANT_CLAIM = "tenant_id";

    private TokenValidation() {}

    /**
     * A decoder that fetches the realm's keys on first use and keeps them until a new key id appears
     * (then fetches again, at most once per {@code thaw.security.key-refetch-interval}: {@link RealmKeys}),
     * and remembers the tokens it has validated ({@link ValidatedTokens}) unless
     * {@code thaw.security.validated-tokens} is 0.
     */
    public static ReactiveJwtDecoder decoder(ThawSecurityProperties properties, WebClient webClient) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(new RealmKeys(
                        webClient, properties.effectiveJwkSetUri(), properties.keyRefetchInterval(), Clock.systemUTC()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties));
        if (properties.validatedTokens() <= 0) {
            return decoder;
        }
        return new ValidatedTokens(
                decoder,
                properties.validatedTokens(),
                properties.clockSkew(),
                properties.validatedTokenMaxAge(),
                Clock.systemUTC());
    }

    public static OAuth2TokenValidator<Jwt> validator(ThawSecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuerUri().toString()),
                new JwtClaimValidator<Collection<String>>(
                        JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(properties.audience())),
                new JwtClaimValidator<String>(TENANT_CLAIM, TenantIds::isValid)));
    }
}

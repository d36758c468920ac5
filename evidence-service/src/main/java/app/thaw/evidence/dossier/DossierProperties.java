package app.thaw.evidence.dossier;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dossier signing ({@code thaw.evidence.dossier.*}).
 *
 * @param signingKeyFile the service's private signing key as a JWK (JSON); generated there when absent
 */
@ConfigurationProperties("thaw.evidence.dossier")
public record DossierProperties(
        @DefaultValue(".thaw/evidence/dossier-signing-key.jwk.json")
        Path signingKeyFile) {}

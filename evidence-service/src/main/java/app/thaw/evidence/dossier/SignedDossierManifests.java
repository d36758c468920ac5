package app.thaw.evidence.dossier;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;

import app.thaw.evidence.integrity.SignedManifests;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.stereotype.Component;

/**
 * The custody head a stored dossier manifest pinned ({@code custodyLog.entries} and
 * {@code custodyLog.headHash}), trusted only when its signature holds (ADR 57).
 */
@Component
class SignedDossierManifests implements SignedManifests {

    private final DossierSigner signer;

    SignedDossierManifests(DossierSigner signer) {
        this.signer = signer;
    }

    @Override
    public Pinned read(String caseId, String manifest, String signature) {
        byte[] bytes = manifest.getBytes(StandardCharsets.UTF_8);
        Boolean verifies = signer.verifies(bytes, signature);
        if (verifies == null) {
            return new Pinned.UnknownKey(String.valueOf(keyIdOf(manifest)));
        }
        if (!verifies) {
            return new Pinned.Altered("its stored manifest or signature was altered: the signature no longer holds");
        }
        try {
            Map<String, Object> parsed = JSONObjectUtils.parse(manifest);
            if (!caseId.equals(parsed.get("caseId"))) {
                return new Pinned.Altered("its signed manifest is another case's");
            }
            Map<String, Object> custodyLog = JSONObjectUtils.getJSONObject(parsed, "custodyLog");
            return new Pinned.Head(
                    ((Number) custodyLog.get("entries")).longValue(), (String) custodyLog.get("headHash"));
        } catch (ParseException | RuntimeException e) {
            return new Pinned.Altered("its signed manifest does not name a custody head");
        }
    }

    private static Object keyIdOf(String manifest) {
        try {
            return JSONObjectUtils.parse(manifest).get("signingKeyId");
        } catch (ParseException e) {
            return null;
        }
    }
}

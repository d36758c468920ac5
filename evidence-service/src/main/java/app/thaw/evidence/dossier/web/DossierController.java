package app.thaw.evidence.dossier.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.dossier.DossierSigner;
import app.thaw.evidence.dossier.Dossiers;
import app.thaw.evidence.dossier.offline.DossierVerifier;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/evidence")
class DossierController {

    private final Dossiers dossiers;
    private final DossierSigner signer;

    DossierController(Dossiers dossiers, DossierSigner signer) {
        this.dossiers = dossiers;
        this.signer = signer;
    }

    @Operation(
            summary = "Download the case's signed dossier (ZIP: files, manifest.json, manifest.jws, custody log). "
                    + "Staff, the case's own users, or an insurer holding the holder's consent")
    @GetMapping(path = "/cases/{caseId}/dossier", produces = "application/zip")
    @AllowedRoles({
        ThawRoles.MERCHANT_ADMIN,
        ThawRoles.MERCHANT_MEMBER,
        ThawRoles.PARTNER_BANK,
        ThawRoles.INSURER,
        ThawRoles.STAFF_AGENT,
        ThawRoles.STAFF_SUPERVISOR,
        ThawRoles.COMPLIANCE_OFFICER,
        ThawRoles.PLATFORM_ADMIN
    })
    Mono<Void> dossier(@PathVariable String caseId, ServerHttpResponse response) {
        return CurrentCaller.get()
                .flatMap(caller -> dossiers.prepare(caller, new CaseId(caseId)))
                .flatMap(export -> {
                    HttpHeaders headers = response.getHeaders();
                    headers.setContentType(MediaType.parseMediaType("application/zip"));
                    headers.setContentDisposition(ContentDisposition.attachment()
                            .filename("dossier-" + export.caseFile().caseId().value() + ".zip", StandardCharsets.UTF_8)
                            .build());
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.setCacheControl("private, no-store");
                    return response.writeWith(dossiers.stream(export, response.bufferFactory()));
                });
    }

    @Operation(
            summary = "Verify a dossier (the ZIP as the request body) against this service's keys; lists each mismatch")
    @PostMapping(path = "/dossiers/verify")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<DossierVerifier.Report> verify(ServerHttpRequest request) {
        return CurrentCaller.get().then(dossiers.verify(request.getBody()));
    }

    @Operation(summary = "The public keys dossiers are signed with (JWKS); reachable without a token")
    @GetMapping(path = "/dossiers/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.security.SecurityRequirements
    Map<String, Object> jwks() {
        return signer.publicKeys().toJSONObject(true);
    }
}

package app.thaw.evidence.consent;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.thaw.evidence.casefile.Actors;
import app.thaw.evidence.casefile.CaseAccess;
import app.thaw.evidence.casefile.CaseCustody;
import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseFiles;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.casefile.InsurerConsent;
import app.thaw.evidence.custody.CustodyAction;
import app.thaw.evidence.events.EvidenceEventMapper;
import app.thaw.platform.audit.AuditLog;
import app.thaw.platform.idempotency.IdempotentEffects;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.tenancy.TenantAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Insurer consents: the case holder (merchant roles of the case's own tenant) lets one insurer
 * tenant fetch the dossier, and can revoke it. An insurer reaches a case only through an active
 * consent; without one the case does not exist for it (404). Every attempt is audited.
 */
@Service
public class Consents {

    private final CaseFiles cases;
    private final CaseCustody custody;
    private final AuditLog audit;
    private final Clock clock;
    private final EvidenceEventMapper events;
    private final TenantAccess tenants;

    Consents(
            CaseFiles cases,
            CaseCustody custody,
            AuditLog audit,
            Clock clock,
            EvidenceEventMapper events,
            TenantAccess tenants) {
        this.cases = cases;
        this.custody = custody;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.tenants = tenants;
    }

    public Mono<InsurerConsent> grant(Caller caller, CaseId caseId, String insurerTenantId) {
        // Once per Idempotency-Key (ADR 56): a run repeated after a crash finds the consent the first run granted.
        return ownCase(caller, caseId)
                .flatMap(file -> IdempotentEffects.once(
                        "insurer-consent",
                        () -> UUID.randomUUID().toString(),
                        consentId -> Mono.justOrEmpty(file.consents().stream()
                                .filter(given -> given.consentId().equals(consentId))
                                .findFirst()),
                        consentId -> grant(caller, file, consentId, insurerTenantId)));
    }

    private Mono<InsurerConsent> grant(Caller caller, CaseFile file, String consentId, String insurerTenantId) {
        CaseId caseId = file.caseId();
        InsurerConsent consent =
                new InsurerConsent(consentId, insurerTenantId, Actors.name(caller), clock.instant(), null, null);
        CaseFile next = file.grantConsent(consent);
        // The entry is owed in the case file's own write (ADR 52): a crash before it is appended is repaired.
        CaseCustody.Owed owed = new CaseCustody.Owed(
                CustodyAction.CONSENT_GRANTED,
                "consentId",
                Actors.name(caller),
                consent.grantedAt(),
                Map.of("consentId", consent.consentId(), "insurerTenantId", insurerTenantId));
        return custody.write(
                        next,
                        List.of(events.consentGranted(next, consent)),
                        owed,
                        tenants.auditBothSides(
                                caller,
                                insurerTenantId,
                                "evidence.consent_granted",
                                "case",
                                caseId.value(),
                                Map.of("consentId", consent.consentId(), "insurerTenantId", insurerTenantId)))
                .thenReturn(consent);
    }

    public Mono<CaseFile> revoke(Caller caller, CaseId caseId, String consentId) {
        return ownCase(caller, caseId).flatMap(file -> {
            CaseFile next = file.revokeConsent(consentId, Actors.name(caller), clock.instant());
            InsurerConsent revoked = next.consents().stream()
                    .filter(c -> c.consentId().equals(consentId))
                    .findFirst()
                    .orElseThrow();
            CaseCustody.Owed owed = new CaseCustody.Owed(
                    CustodyAction.CONSENT_REVOKED,
                    "consentId",
                    Actors.name(caller),
                    java.util.Objects.requireNonNull(revoked.revokedAt()),
                    Map.of("consentId", consentId));
            return custody.write(
                    next,
                    List.of(events.consentRevoked(next, revoked)),
                    owed,
                    tenants.auditBothSides(
                            caller,
                            revoked.insurerTenantId(),
                            "evidence.consent_revoked",
                            "case",
                            caseId.value(),
                            Map.of("consentId", consentId, "insurerTenantId", revoked.insurerTenantId())));
        });
    }

    public Mono<CaseFile> list(Caller caller, CaseId caseId) {
        return ownCase(caller, caseId);
    }

    /**
     * The case for an insurer with an active consent, audited whether granted or not; 404 when
     * there is no such consent.
     */
    public Mono<CaseFile> forInsurer(Caller caller, CaseId caseId, String purpose) {
        return cases.findConsentedTo(caller.tenantId(), caseId)
                .flatMap(file -> audit.record(
                                "evidence.insurer_access",
                                "case",
                                caseId.value(),
                                Map.of("purpose", purpose, "granted", true, "caseTenant", file.tenantId()))
                        .thenReturn(file))
                .switchIfEmpty(Mono.defer(() -> audit.record(
                                "evidence.insurer_access",
                                "case",
                                caseId.value(),
                                Map.of("purpose", purpose, "granted", false))
                        .then(Mono.error(CaseAccess.notFound(caseId)))));
    }

    private Mono<CaseFile> ownCase(Caller caller, CaseId caseId) {
        if (!caller.hasAnyRole(Actors.MERCHANT)) {
            return Mono.error(new ThawProblem(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Only the case holder's own users grant or revoke an insurer's consent."));
        }
        return cases.find(caller.tenantId(), caseId).switchIfEmpty(Mono.error(() -> CaseAccess.notFound(caseId)));
    }
}

package app.thaw.evidence.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What this service knows about one case: whose it is and its scenario (both from case-service's
 * events, never from a caller), the legal holds ever placed on it and the insurer consents ever
 * given. Holds and consents are only ever added or marked released/revoked, never removed.
 */
public record CaseFile(
        CaseId caseId,
        String tenantId,
        String scenario,
        List<LegalHold> holds,
        List<InsurerConsent> consents,
        long version) {

    /** Scenarios whose evidence is frozen as soon as the case is known (docs/domain.md §6). */
    public static final Set<String> AUTO_HOLD_SCENARIOS = Set.of("COMPLIANCE_HOLD", "JUDICIAL_FREEZE");

    public CaseFile {
        holds = List.copyOf(holds);
        consents = List.copyOf(consents);
    }

    public static CaseFile opened(CaseId caseId, String tenantId, String scenario) {
        return new CaseFile(caseId, tenantId, scenario, List.of(), List.of(), 0);
    }

    public Optional<LegalHold> activeHold() {
        return holds.stream().filter(LegalHold::active).findFirst();
    }

    /** Refuses any deletion or alteration while a hold is active. */
    public void requireNotHeld() {
        activeHold().ifPresent(hold -> {
            throw new UnderLegalHold(caseId, hold.holdId());
        });
    }

    /** Whether the scenario requires an automatic hold that is not yet in place. */
    public boolean needsAutomaticHold() {
        return AUTO_HOLD_SCENARIOS.contains(scenario) && activeHold().isEmpty();
    }

    public CaseFile withScenario(String newScenario) {
        return new CaseFile(caseId, tenantId, newScenario, holds, consents, version + 1);
    }

    public CaseFile placeHold(LegalHold hold) {
        List<LegalHold> next = new ArrayList<>(holds);
        next.add(hold);
        return new CaseFile(caseId, tenantId, scenario, next, consents, version + 1);
    }

    public CaseFile releaseHold(String holdId, String by, Instant at, String why) {
        LegalHold hold = holds.stream()
                .filter(candidate -> candidate.holdId().equals(holdId))
                .findFirst()
                .orElseThrow(() -> new HoldNotFound(holdId));
        if (!hold.active()) {
            throw new HoldAlreadyReleased(holdId);
        }
        return new CaseFile(
                caseId,
                tenantId,
                scenario,
                holds.stream()
                        .map(candidate -> candidate == hold ? candidate.release(by, at, why) : candidate)
                        .toList(),
                consents,
                version + 1);
    }

    public CaseFile grantConsent(InsurerConsent consent) {
        List<InsurerConsent> next = new ArrayList<>(consents);
        next.add(consent);
        return new CaseFile(caseId, tenantId, scenario, holds, next, version + 1);
    }

    public CaseFile revokeConsent(String consentId, String by, Instant at) {
        InsurerConsent consent = consents.stream()
                .filter(candidate -> candidate.consentId().equals(consentId))
                .findFirst()
                .orElseThrow(() -> new ConsentNotFound(consentId));
        if (!consent.active()) {
            throw new ConsentAlreadyRevoked(consentId);
        }
        return new CaseFile(
                caseId,
                tenantId,
                scenario,
                holds,
                consents.stream()
                        .map(candidate -> candidate == consent ? candidate.revoke(by, at) : candidate)
                        .toList(),
                version + 1);
    }

    public boolean consentsTo(String insurerTenantId) {
        return consents.stream()
                .anyMatch(
                        consent -> consent.active() && consent.insurerTenantId().equals(insurerTenantId));
    }

    public @Nullable LegalHold hold(String holdId) {
        return holds.stream()
                .filter(hold -> hold.holdId().equals(holdId))
                .findFirst()
                .orElse(null);
    }
}

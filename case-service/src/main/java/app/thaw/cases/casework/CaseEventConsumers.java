package app.thaw.cases.casework;

import java.time.Instant;
import java.util.List;

import app.thaw.cases.events.ConsumedEvents.AlertRaised;
import app.thaw.cases.events.ConsumedEvents.EvidenceFact;
import app.thaw.cases.events.ConsumedEvents.EvidenceReceived;
import app.thaw.cases.events.ConsumedEvents.EvidenceRejected;
import app.thaw.cases.events.ConsumedEvents.EvidenceVerified;
import app.thaw.cases.events.ConsumedEvents.NotificationDelivered;
import app.thaw.cases.incident.ChecklistStatus;
import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.Scenario;
import app.thaw.platform.events.EventBinding;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What other services tell the case service (docs/events.md): evidence arriving and judged, the
 * first client notification delivered, alerts that call for a case. Each handler is idempotent
 * and tolerates order: the case's own state makes a repeated or late event change nothing (a
 * late {@code received} never undoes a verdict; see {@code ChecklistItem.withEvidence}).
 */
public final class CaseEventConsumers {

    private CaseEventConsumers() {}

    public static List<EventBinding<?>> bindings(CaseService cases) {
        return List.of(
                EventBinding.on(
                        EvidenceReceived.class,
                        event -> evidence(cases, event.tenantId(), event.data(), ChecklistStatus.RECEIVED, null)),
                EventBinding.on(
                        EvidenceVerified.class,
                        event -> evidence(cases, event.tenantId(), event.data(), ChecklistStatus.ACCEPTED, null)),
                EventBinding.on(EvidenceRejected.class, event -> {
                    EvidenceRejected rejected = event.data();
                    String note = rejected.note();
                    return evidence(
                            cases,
                            event.tenantId(),
                            rejected,
                            ChecklistStatus.REJECTED,
                            rejected.reasonCode() + (note != null && !note.isBlank() ? ": " + note : ""));
                }),
                EventBinding.on(
                        NotificationDelivered.class,
                        event -> notificationDelivered(cases, event.tenantId(), event.data())),
                EventBinding.on(
                        AlertRaised.class, event -> alertRaised(cases, event.tenantId(), event.time(), event.data())));
    }

    /** Evidence received or judged updates the checklist item it is for. */
    private static Mono<Void> evidence(
            CaseService cases, String tenantId, EvidenceFact fact, ChecklistStatus status, @Nullable String reason) {
        return cases.changeAsSystem(
                        tenantId,
                        fact.caseId(),
                        (c, tenant, now) -> c.evidenceReported(
                                fact.requirementCode(), fact.evidenceId(), status, reason, now, "evidence-service"))
                .then();
    }

    /** The first delivered client notification of a case meets its golden 15 minutes. */
    private static Mono<Void> notificationDelivered(
            CaseService cases, String tenantId, NotificationDelivered delivered) {
        String caseId = delivered.caseId();
        if (caseId == null || !delivered.firstForCase() || !"CLIENT".equals(delivered.recipientKind())) {
            return Mono.empty();
        }
        return cases.changeAsSystem(
                        tenantId, caseId, (c, tenant, now) -> c.clientNotified(delivered.deliveredAt(), now))
                .then();
    }

    /**
     * A HIGH identity-misuse alert opens an IDENTITY_MISUSE case, every sanctions hit a
     * COMPLIANCE_HOLD review case, each with the alert attached, once per alert.
     */
    private static Mono<Void> alertRaised(CaseService cases, String tenantId, Instant sentAt, AlertRaised alert) {
        Scenario scenario;
        if ("SANCTIONS_HIT".equals(alert.kind())) {
            scenario = Scenario.COMPLIANCE_HOLD;
        } else if ("IDENTITY_MISUSE".equals(alert.kind()) && "HIGH".equals(alert.severity())) {
            scenario = Scenario.IDENTITY_MISUSE;
        } else {
            return Mono.empty();
        }
        String notice = scenario == Scenario.COMPLIANCE_HOLD
                ? "Sanctions screening hit (alert " + alert.alertId() + ", list entry " + orUnknown(alert.listEntryId())
                        + ", score " + orUnknown(alert.score()) + "): review required."
                : "Identity misuse alert " + alert.alertId() + " ("
                        + (alert.detector() == null ? "detector" : alert.detector()) + ", " + orUnknown(alert.count())
                        + " signals): someone may be using the subject's identity.";
        OpenCase command = new OpenCase(
                null,
                "COMPANY".equals(alert.subjectType()) ? EntityType.ENTERPRISE : EntityType.INDIVIDUAL,
                alert.subjectLabel() == null ? "subject" : alert.subjectLabel(),
                alert.subjectId() == null ? "" : alert.subjectId(),
                "identity-monitor",
                notice,
                alert.alertId(),
                null,
                null,
                alert.raisedAt() == null ? sentAt : alert.raisedAt(),
                null);
        return cases.openForAlert(tenantId, alert.alertId(), scenario, command).then();
    }

    private static String orUnknown(@Nullable Object value) {
        return value == null ? "?" : value.toString();
    }
}

package app.thaw.cases.application;

import java.time.Instant;
import java.util.Map;

import app.thaw.cases.incident.ChecklistStatus;
import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.Scenario;
import app.thaw.platform.events.EventHandler;
import app.thaw.platform.events.ThawEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What other services tell the case service (docs/events.md): evidence arriving and judged, the
 * first client notification delivered, alerts that call for a case. Each handler is idempotent:
 * the case's own state makes a repeated event change nothing.
 */
public final class CaseEventConsumers {

    private static final Logger log = LoggerFactory.getLogger(CaseEventConsumers.class);

    private CaseEventConsumers() {
    }

    /** {@code thaw.evidence.received|verified|rejected} update the checklist item the evidence is for. */
    public static EventHandler evidence(CaseService cases) {
        return new EventHandler() {
            @Override
            public boolean handles(String type) {
                return type.equals("thaw.evidence.received") || type.equals("thaw.evidence.verified") || type.equals("thaw.evidence.rejected");
            }

            @Override
            public Mono<Void> handle(ThawEvent event) {
                Map<String, Object> data = event.data();
                if (!(data.get("caseId") instanceof String caseId) || !(data.get("requirementCode") instanceof String code)
                        || !(data.get("evidenceId") instanceof String evidenceId)) {
                    log.warn("Ignoring {} {}: it names no case, requirement or evidence", event.type(), event.id());
                    return Mono.empty();
                }
                ChecklistStatus status = switch (event.type()) {
                    case "thaw.evidence.verified" -> ChecklistStatus.ACCEPTED;
                    case "thaw.evidence.rejected" -> ChecklistStatus.REJECTED;
                    default -> ChecklistStatus.RECEIVED;
                };
                String reason = status != ChecklistStatus.REJECTED ? null
                        : data.getOrDefault("reasonCode", "REJECTED") + (data.get("note") instanceof String note && !note.isBlank() ? ": " + note : "");
                return cases.changeAsSystem(event.tenantId(), caseId,
                        (c, tenant, now) -> c.evidenceReported(code, evidenceId, status, reason, now, "evidence-service")).then();
            }
        };
    }

    /** The first delivered client notification of a case meets its golden 15 minutes. */
    public static EventHandler notificationDelivered(CaseService cases) {
        return new EventHandler() {
            @Override
            public boolean handles(String type) {
                return type.equals("thaw.notification.delivered");
            }

            @Override
            public Mono<Void> handle(ThawEvent event) {
                Map<String, Object> data = event.data();
                if (!(data.get("caseId") instanceof String caseId) || !Boolean.TRUE.equals(data.get("firstForCase"))
                        || !"CLIENT".equals(data.get("recipientKind"))) {
                    return Mono.empty();
                }
                Instant deliveredAt = data.get("deliveredAt") instanceof String at ? Instant.parse(at) : event.time();
                return cases.changeAsSystem(event.tenantId(), caseId, (c, tenant, now) -> c.clientNotified(deliveredAt, now)).then();
            }
        };
    }

    /**
     * {@code thaw.alert.raised}: a HIGH identity-misuse alert opens an IDENTITY_MISUSE case, every
     * sanctions hit a COMPLIANCE_HOLD review case, each with the alert attached, once per alert.
     */
    public static EventHandler alertRaised(CaseService cases) {
        return new EventHandler() {
            @Override
            public boolean handles(String type) {
                return type.equals("thaw.alert.raised");
            }

            @Override
            public Mono<Void> handle(ThawEvent event) {
                Map<String, Object> data = event.data();
                String kind = String.valueOf(data.get("kind"));
                Scenario scenario;
                if ("SANCTIONS_HIT".equals(kind)) {
                    scenario = Scenario.COMPLIANCE_HOLD;
                } else if ("IDENTITY_MISUSE".equals(kind) && "HIGH".equals(data.get("severity"))) {
                    scenario = Scenario.IDENTITY_MISUSE;
                } else {
                    return Mono.empty();
                }
                String alertId = String.valueOf(data.getOrDefault("alertId", event.subject()));
                String label = String.valueOf(data.getOrDefault("subjectLabel", "subject"));
                Instant raisedAt = data.get("raisedAt") instanceof String at ? Instant.parse(at) : event.time();
                String notice = scenario == Scenario.COMPLIANCE_HOLD
                        ? "Sanctions screening hit (alert " + alertId + ", list entry " + data.getOrDefault("listEntryId", "?")
                                + ", score " + data.getOrDefault("score", "?") + "): review required."
                        : "Identity misuse alert " + alertId + " (" + data.getOrDefault("detector", "detector") + ", "
                                + data.getOrDefault("count", "?") + " signals): someone may be using the subject's identity.";
                OpenCase command = new OpenCase(null, "COMPANY".equals(data.get("subjectType")) ? EntityType.ENTERPRISE : EntityType.INDIVIDUAL,
                        label, String.valueOf(data.getOrDefault("subjectId", "")), "identity-monitor", notice, alertId, null, null, raisedAt, null);
                return cases.openForAlert(event.tenantId(), alertId, scenario, command).then();
            }
        };
    }
}

package app.thaw.evidence.item;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import app.thaw.evidence.domain.EvidenceItem;
import app.thaw.evidence.domain.LegalHold;
import app.thaw.evidence.domain.CaseFile;
import app.thaw.evidence.domain.RequirementCode;
import app.thaw.evidence.domain.Verdict;
import app.thaw.platform.events.ThawEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@code thaw.evidence.*} events of docs/events.md, carrying the current trace. */
@Component
public class EvidenceEvents {

    public static final String SOURCE = "/thaw/evidence-service";

    private final Clock clock;
    private final ObjectProvider<Tracer> tracer;

    public EvidenceEvents(Clock clock, ObjectProvider<Tracer> tracer) {
        this.clock = clock;
        this.tracer = tracer;
    }

    public ThawEvent received(EvidenceItem item) {
        Map<String, Object> data = itemData(item);
        data.put("sha256", item.sha256());
        data.put("size", item.size());
        data.put("contentType", item.contentType());
        data.put("fileName", item.fileName());
        data.put("uploadedBy", item.uploadedBy());
        data.put("expired", item.expired());
        return event("thaw.evidence.received", item.id().value(), item.tenantId(), data);
    }

    /** The same file now also proves {@code requirement}: {@code .received} for that requirement. */
    public ThawEvent linked(EvidenceItem item, RequirementCode requirement) {
        ThawEvent received = received(item);
        Map<String, Object> data = new LinkedHashMap<>(received.data());
        data.put("requirementCode", requirement.name());
        data.put("linked", true);
        return event("thaw.evidence.received", item.id().value(), item.tenantId(), data);
    }

    /** {@code .verified} or {@code .rejected} for every requirement the file proves, as the verdict says. */
    public java.util.List<ThawEvent> decidedForEach(EvidenceItem item, Verdict verdict) {
        java.util.List<ThawEvent> all = new java.util.ArrayList<>();
        for (RequirementCode requirement : item.requirements()) {
            ThawEvent event = decided(item, verdict);
            Map<String, Object> data = new LinkedHashMap<>(event.data());
            data.put("requirementCode", requirement.name());
            all.add(event(event.type(), item.id().value(), item.tenantId(), data));
        }
        return all;
    }

    /** {@code .verified} or {@code .rejected}, as the verdict says. */
    public ThawEvent decided(EvidenceItem item, Verdict verdict) {
        Map<String, Object> data = itemData(item);
        data.put("verifiedBy", verdict.by());
        if (verdict.accepted()) {
            return event("thaw.evidence.verified", item.id().value(), item.tenantId(), data);
        }
        data.put("reasonCode", verdict.reason() == null ? "" : verdict.reason().name());
        data.put("note", verdict.note() == null ? "" : verdict.note());
        return event("thaw.evidence.rejected", item.id().value(), item.tenantId(), data);
    }

    public ThawEvent holdPlaced(CaseFile file, LegalHold hold) {
        return holdEvent("thaw.evidence.hold_placed", file, hold, hold.placedBy());
    }

    public ThawEvent holdReleased(CaseFile file, LegalHold hold) {
        return holdEvent("thaw.evidence.hold_released", file, hold, hold.releasedBy() == null ? "" : hold.releasedBy());
    }

    private ThawEvent holdEvent(String type, CaseFile file, LegalHold hold, String by) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", file.caseId().value());
        data.put("holdId", hold.holdId());
        data.put("reason", hold.reason());
        data.put("by", by);
        return event(type, file.caseId().value(), file.tenantId(), data);
    }

    /** The holder let an insurer follow the case ({@code thaw.evidence.consent_granted}, subject: the case id). */
    public ThawEvent consentGranted(CaseFile file, app.thaw.evidence.domain.InsurerConsent consent) {
        return consentEvent("thaw.evidence.consent_granted", file, consent, consent.grantedBy());
    }

    /** The holder withdrew it ({@code thaw.evidence.consent_revoked}); a revoked consent never comes back. */
    public ThawEvent consentRevoked(CaseFile file, app.thaw.evidence.domain.InsurerConsent consent) {
        return consentEvent("thaw.evidence.consent_revoked", file, consent, consent.revokedBy() == null ? "" : consent.revokedBy());
    }

    private ThawEvent consentEvent(String type, CaseFile file, app.thaw.evidence.domain.InsurerConsent consent, String by) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", file.caseId().value());
        data.put("consentId", consent.consentId());
        data.put("insurerTenantId", consent.insurerTenantId());
        data.put("by", by);
        return event(type, file.caseId().value(), file.tenantId(), data);
    }

    private static Map<String, Object> itemData(EvidenceItem item) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", item.caseId().value());
        data.put("evidenceId", item.id().value());
        data.put("requirementCode", item.requirementCode().name());
        return data;
    }

    private ThawEvent event(String type, String subject, String tenantId, Map<String, Object> data) {
        return ThawEvent.of(SOURCE, type, subject, tenantId, clock.instant(), traceparent(), data);
    }

    /** The W3C traceparent of the current span, so the consumer's work joins this trace. */
    public @Nullable String traceparent() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-"
                + (Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00");
    }
}

package app.thaw.evidence.verification.web;

import java.time.LocalDate;

import app.thaw.evidence.item.DocumentMetadata;
import app.thaw.evidence.item.EvidenceId;
import app.thaw.evidence.item.RejectionReason;
import app.thaw.evidence.item.web.ItemResponse;
import app.thaw.evidence.verification.Verifications;
import app.thaw.platform.problem.InvalidField;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/evidence")
class VerdictController {

    private final Verifications verifications;

    VerdictController(Verifications verifications) {
        this.verifications = verifications;
    }

    /** ACCEPT, or REJECT with a reasonCode; the document's metadata as read; the version read. */
    record VerdictRequest(
            @NotNull Decision decision,
            @Nullable RejectionReason reasonCode,
            @Size(max = 2000) @Nullable String note,
            @Size(max = 100) @Nullable String documentType,
            @Size(max = 200) @Nullable String nameOnDocument,
            @Nullable LocalDate expiryDate,
            @Nullable Long version) {}

    enum Decision {
        ACCEPT,
        REJECT
    }

    @Operation(
            summary =
                    "Accept an item, or reject it with a reason code (EXPIRED, ILLEGIBLE, EDITED, NAME_MISMATCH, "
                            + "WRONG_DOCUMENT, INCOMPLETE) and a note; records the document's metadata and flags a past expiry date")
    @PostMapping("/items/{id}/verdict")
    @AllowedRoles({ThawRoles.STAFF_AGENT, ThawRoles.STAFF_SUPERVISOR, ThawRoles.COMPLIANCE_OFFICER})
    Mono<ItemResponse> decide(@PathVariable String id, @Valid @RequestBody VerdictRequest request) {
        if (request.decision() == Decision.REJECT && request.reasonCode() == null) {
            return Mono.error(new InvalidField("reasonCode", "NotNull", "a rejection names its reason code"));
        }
        if (request.decision() == Decision.ACCEPT && request.reasonCode() != null) {
            return Mono.error(new InvalidField("reasonCode", "Null", "an acceptance has no reason code"));
        }
        Verifications.Decision decision = new Verifications.Decision(
                request.decision() == Decision.ACCEPT,
                request.reasonCode(),
                request.note(),
                new DocumentMetadata(request.documentType(), request.nameOnDocument(), request.expiryDate()),
                request.version());
        return CurrentCaller.get()
                .flatMap(caller -> verifications.decide(caller, new EvidenceId(id), decision))
                .map(ItemResponse::of);
    }
}

package app.thaw.cases.insurer.web;

import app.thaw.cases.insurer.FollowedCase;
import app.thaw.cases.insurer.FollowedCases;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/cases/followed")
class FollowedCasesController {

    private final FollowedCases followed;

    FollowedCasesController(FollowedCases followed) {
        this.followed = followed;
    }

    @GetMapping
    @AllowedRoles(ThawRoles.INSURER)
    @Operation(
            summary =
                    "Insurers: the cases a holder consented to let this insurer follow (status, clocks, checklist progress, restoration; no notice text or identifiers)")
    Flux<FollowedCase> list() {
        return followed.list();
    }

    @GetMapping("/{caseId}")
    @AllowedRoles(ThawRoles.INSURER)
    @Operation(
            summary =
                    "Insurers: one followed case; 404 without an active consent (withdrawn consent: 404 from then on)")
    Mono<FollowedCase> get(@PathVariable String caseId) {
        return followed.get(caseId);
    }
}

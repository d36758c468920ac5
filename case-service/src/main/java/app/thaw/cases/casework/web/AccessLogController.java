package app.thaw.cases.casework.web;

import app.thaw.cases.casework.CaseAccessLog;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/v1/cases/{id}/access-log")
class AccessLogController {

    private final CaseAccessLog log;

    AccessLogController(CaseAccessLog log) {
        this.log = log;
    }

    @GetMapping
    @AllowedRoles({ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN})
    @Operation(
            summary =
                    "Who read or tried to read the case (audit entries of every tenant, oldest first); compliance officers and platform administrators")
    Flux<CaseAccessLog.Entry> accessLog(@PathVariable String id) {
        return log.entries(id);
    }
}

package app.thaw.platform.web;

import java.util.List;

import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/<area>/whoami}: what this service understood of the caller's token. The
 * first thing a partner's developer calls to check their credentials, tenant and roles.
 */
@RestController
class WhoAmIController {

    private final String service;

    WhoAmIController(String service) {
        this.service = service;
    }

    @GetMapping("/api/v1/${thaw.service.area}/whoami")
    @AllowedRoles({AllowedRoles.ANY_USER, ThawRoles.SERVICE})
    Mono<WhoAmI> whoami() {
        return CurrentCaller.get().map(caller -> WhoAmI.of(service, caller));
    }

    /** The caller as this service sees it. */
    record WhoAmI(
            String service,
            String tenantId,
            String subject,
            @Nullable String clientId,
            @Nullable String username,
            List<String> roles) {

        static WhoAmI of(String service, Caller caller) {
            return new WhoAmI(
                    service,
                    caller.tenantId(),
                    caller.subject(),
                    caller.clientId(),
                    caller.username(),
                    caller.sortedRoles());
        }
    }
}

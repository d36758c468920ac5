package app.thaw.monitor.metering.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.metering.UsageMeter;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/monitor/usage")
class UsageController {

    private final UsageMeter meter;
    private final Clock clock;

    UsageController(UsageMeter meter, Clock clock) {
        this.meter = meter;
        this.clock = clock;
    }

    @Operation(summary = "The caller's tenant's usage in a month (YYYY-MM, UTC; default the current month)")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<UsageMeter.Usage> usage(@RequestParam(required = false) @Nullable YearMonth month) {
        YearMonth which = month != null ? month : YearMonth.now(clock.withZone(ZoneOffset.UTC));
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMap(caller -> meter.usage(caller.tenantId(), which));
    }
}

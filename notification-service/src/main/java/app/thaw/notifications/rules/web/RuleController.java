package app.thaw.notifications.rules.web;

import java.util.List;
import java.util.Set;

import app.thaw.notifications.access.Access;
import app.thaw.notifications.access.TenantAdmins;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.rules.Audience;
import app.thaw.notifications.rules.Rule;
import app.thaw.notifications.rules.RuleService;
import app.thaw.notifications.rules.Target;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/notifications/rules")
class RuleController {

    private final RuleService rules;

    RuleController(RuleService rules) {
        this.rules = rules;
    }

    @Operation(
            summary =
                    "List the rules in force for the tenant: defaults for every event type, replaced by the tenant's own")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<List<RuleResponse>> list() {
        return CurrentCaller.tenantId()
                .flatMap(rules::all)
                .map(all -> all.stream().map(RuleResponse::of).toList());
    }

    @Operation(summary = "Read the rule in force for one event type")
    @GetMapping("/{eventType}")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<RuleResponse> get(@PathVariable String eventType) {
        return CurrentCaller.tenantId()
                .flatMap(tenant -> rules.effective(tenant, eventType))
                .switchIfEmpty(Mono.error(() -> new NotFound("rule", eventType)))
                .map(RuleResponse::of);
    }

    @Operation(summary = "Set the tenant's rule for an event type at the version read (0 replaces the default)")
    @PutMapping("/{eventType}")
    @TenantAdmins
    Mono<RuleResponse> put(
            @PathVariable @Pattern(regexp = "thaw\\.[a-z_]+\\.[a-z_]+") String eventType,
            @Valid @RequestBody RuleRequest request) {
        return CurrentCaller.get()
                .map(Access::requireAdmin)
                .flatMap(caller -> rules.put(
                        caller.tenantId(),
                        eventType,
                        request.targets().stream()
                                .map(target -> new Target(target.audience(), target.channels()))
                                .toList(),
                        Boolean.TRUE.equals(request.urgent()),
                        request.enabled() == null || request.enabled(),
                        request.version()))
                .map(RuleResponse::of);
    }

    record TargetBody(@NotNull Audience audience, @NotEmpty Set<Channel> channels) {}

    record RuleRequest(
            @NotNull @PositiveOrZero Long version,
            @NotNull @Valid List<TargetBody> targets,
            @Nullable Boolean urgent,
            @Nullable Boolean enabled) {}

    record RuleResponse(
            String eventType, List<TargetBody> targets, boolean urgent, boolean enabled, boolean custom, long version) {

        static RuleResponse of(Rule rule) {
            return new RuleResponse(
                    rule.eventType(),
                    rule.targets().stream()
                            .map(target -> new TargetBody(target.audience(), target.channels()))
                            .toList(),
                    rule.urgent(),
                    rule.enabled(),
                    rule.custom(),
                    rule.version());
        }
    }
}

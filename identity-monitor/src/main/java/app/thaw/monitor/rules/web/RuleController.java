package app.thaw.monitor.rules.web;

import java.net.URI;
import java.util.List;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.detection.Severity;
import app.thaw.monitor.rules.Rule;
import app.thaw.monitor.rules.RuleService;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/monitor/rules")
class RuleController {

    private final RuleService rules;

    RuleController(RuleService rules) {
        this.rules = rules;
    }

    @Operation(summary = "Add a tenant rule: a CEL expression over signal and baseline, validated before it is saved")
    @PostMapping
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN})
    Mono<ResponseEntity<Rule>> create(@Valid @RequestBody RuleRequest request) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.SUBSCRIBER))
                .flatMap(caller -> rules.create(
                        caller, request.name(), request.expression(), request.severity(), request.enabled()))
                .map(rule -> ResponseEntity.created(URI.create("/api/v1/monitor/rules/" + rule.id()))
                        .body(rule));
    }

    @Operation(summary = "The tenant's rules")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<List<Rule>> list() {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMapMany(rules::list)
                .collectList();
    }

    @Operation(summary = "One rule")
    @GetMapping("/{id}")
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<Rule> get(@PathVariable String id) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMap(caller -> rules.get(caller, id));
    }

    @Operation(summary = "Replace a rule; version must be current")
    @PutMapping("/{id}")
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN})
    Mono<Rule> replace(@PathVariable String id, @Valid @RequestBody RuleRequest request) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.SUBSCRIBER))
                .flatMap(caller -> rules.replace(
                        caller,
                        id,
                        request.version() == null ? 0 : request.version(),
                        request.name(),
                        request.expression(),
                        request.severity(),
                        request.enabled()));
    }

    @Operation(summary = "Delete a rule")
    @DeleteMapping("/{id}")
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN})
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.SUBSCRIBER))
                .flatMap(caller -> rules.delete(caller, id))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    record RuleRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+")
            String name,

            @NotBlank String expression,
            @NotNull Severity severity,
            boolean enabled,
            @Min(1) Long version) {}
}

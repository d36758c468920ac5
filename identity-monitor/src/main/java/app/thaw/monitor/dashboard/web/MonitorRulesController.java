package app.thaw.monitor.dashboard.web;

import java.util.LinkedHashMap;
import java.util.Map;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.detection.Severity;
import app.thaw.monitor.rules.RuleError;
import app.thaw.monitor.rules.RuleInvalid;
import app.thaw.monitor.rules.RuleLimitReached;
import app.thaw.monitor.rules.RuleNotFound;
import app.thaw.monitor.rules.RuleService;
import app.thaw.platform.dashboard.ThawDashboard;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The tenant's CEL rules: readers see them; the roles that may change them (as the API) create,
 * edit, enable and disable them. A save is validated by the rule service (CEL compiles it); a
 * refusal re-renders the form with the error next to its field; a success reloads the list.
 */
@ThawDashboard
@RequestMapping("/dashboard/monitor/rules")
class MonitorRulesController {

    static final String NAME_PATTERN = "[A-Za-z0-9_.-]+";

    private final RuleService rules;

    MonitorRulesController(RuleService rules) {
        this.rules = rules;
    }

    @GetMapping({"", "/"})
    Mono<Rendering> list() {
        return reader().flatMap(caller -> rules.list(caller)
                        .collectList()
                        .map(all -> Rendering.view("monitor/rules")
                                .modelAttribute("rules", all)
                                .modelAttribute("mayEdit", caller.hasAnyRole(Roles.SUBSCRIBER))
                                .modelAttribute("severities", Severity.values())
                                .modelAttribute("form", blank())
                                .modelAttribute("errors", Map.of())
                                .build()))
                .onErrorResume(NotVisible.class, hidden -> notFound());
    }

    /** Creates a rule (htmx): the list again on success, the form with its errors otherwise. */
    @PostMapping({"", "/"})
    Mono<Rendering> create(ServerWebExchange exchange) {
        return editor().flatMap(caller -> exchange.getFormData().flatMap(data -> {
                    Map<String, Object> form = form(data, null);
                    Map<String, String> errors = check(form);
                    if (!errors.isEmpty()) {
                        return Mono.just(formView(form, errors));
                    }
                    return Mono.defer(() -> rules.create(
                                    caller,
                                    (String) form.get("name"),
                                    (String) form.get("expression"),
                                    (Severity) form.get("severity"),
                                    (Boolean) form.get("enabled")))
                            .map(created -> reload(exchange))
                            .onErrorResume(RuntimeException.class, refused -> refusal(form, refused));
                }))
                .onErrorResume(NotVisible.class, hidden -> notFound());
    }

    /** Saves an edited rule (also what the enable / disable buttons send: the rule as it is, with {@code enabled} flipped). */
    @PostMapping("/{id}")
    Mono<Rendering> save(@PathVariable String id, ServerWebExchange exchange) {
        return editor().flatMap(caller -> exchange.getFormData().flatMap(data -> {
                    Map<String, Object> form = form(data, id);
                    Map<String, String> errors = check(form);
                    if (form.get("version") == null) {
                        errors.put("form", "#monitor.problem.version");
                    }
                    if (!errors.isEmpty()) {
                        return Mono.just(formView(form, errors));
                    }
                    return Mono.defer(() -> rules.replace(
                                    caller,
                                    id,
                                    (Long) form.get("version"),
                                    (String) form.get("name"),
                                    (String) form.get("expression"),
                                    (Severity) form.get("severity"),
                                    (Boolean) form.get("enabled")))
                            .map(saved -> reload(exchange))
                            .onErrorResume(RuleNotFound.class, gone -> Mono.error(new NotVisible()))
                            .onErrorResume(RuntimeException.class, refused -> refusal(form, refused));
                }))
                .onErrorResume(NotVisible.class, hidden -> notFound());
    }

    private static Mono<Rendering> refusal(Map<String, Object> form, Throwable refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        switch (refused) {
            // Worded in the page's language by its kind and position; CEL's English text only as a detail below.
            case RuleInvalid invalid -> {
                errors.put("expression", "#" + invalid.error().kind().messageKey());
                return Mono.just(formView(form, errors, invalid.error()));
            }
            case RuleLimitReached limit -> errors.put("form", "#monitor.rules.limit");
            case OptimisticLockingFailureException stale -> errors.put("form", "#monitor.rules.stale");
            default -> {
                return Mono.error(refused);
            }
        }
        return Mono.just(formView(form, errors));
    }

    private static Rendering reload(ServerWebExchange exchange) {
        exchange.getResponse()
                .getHeaders()
                .set("HX-Redirect", exchange.getRequest().getPath().value().replaceFirst("/rules(/.*)?$", "/rules"));
        return Rendering.view("monitor/rules :: saved").build();
    }

    private static Rendering formView(Map<String, Object> form, Map<String, String> errors) {
        return formView(form, errors, null);
    }

    private static Rendering formView(
            Map<String, Object> form, Map<String, String> errors, @Nullable RuleError ruleError) {
        Rendering.Builder<?> view = Rendering.view("monitor/rules :: ruleForm");
        if (ruleError != null) {
            view.modelAttribute("ruleError", ruleError);
        }
        return view.modelAttribute("form", form)
                .modelAttribute("errors", errors)
                .modelAttribute("severities", Severity.values())
                .build();
    }

    private static Map<String, Object> blank() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("id", null);
        form.put("name", "");
        form.put("expression", "");
        form.put("severity", Severity.MEDIUM);
        form.put("enabled", true);
        form.put("version", null);
        return form;
    }

    private static Map<String, Object> form(MultiValueMap<String, String> data, @Nullable String id) {
        Map<String, Object> form = blank();
        form.put("id", id);
        form.put("name", value(data, "name"));
        form.put("expression", value(data, "expression"));
        Severity severity;
        try {
            severity = Severity.valueOf(value(data, "severity"));
        } catch (IllegalArgumentException e) {
            severity = null;
        }
        form.put("severity", severity);
        form.put("enabled", "true".equals(data.getFirst("enabled")) || "on".equals(data.getFirst("enabled")));
        try {
            form.put("version", Long.parseLong(value(data, "version")));
        } catch (NumberFormatException e) {
            form.put("version", null);
        }
        return form;
    }

    private static String value(MultiValueMap<String, String> data, String key) {
        String value = data.getFirst(key);
        return value == null ? "" : value.trim();
    }

    /** The API's request rules for a rule (name 1–64 of letters, digits, {@code _.-}; an expression; a severity). */
    private static Map<String, String> check(Map<String, Object> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = (String) form.get("name");
        if (name.isEmpty()) {
            errors.put("name", "#monitor.rules.error.required");
        } else if (name.length() > 64 || !name.matches(NAME_PATTERN)) {
            errors.put("name", "#monitor.rules.error.name");
        }
        if (((String) form.get("expression")).isEmpty()) {
            errors.put("expression", "#monitor.rules.error.required");
        }
        if (form.get("severity") == null) {
            errors.put("severity", "#monitor.rules.error.required");
        }
        return errors;
    }

    private static Mono<Caller> reader() {
        return CurrentCaller.get()
                .filter(caller -> caller.hasAnyRole(Roles.READER))
                .switchIfEmpty(Mono.error(NotVisible::new));
    }

    private static Mono<Caller> editor() {
        return CurrentCaller.get()
                .filter(caller -> caller.hasAnyRole(Roles.SUBSCRIBER))
                .switchIfEmpty(Mono.error(NotVisible::new));
    }

    private static Mono<Rendering> notFound() {
        return Mono.just(
                Rendering.view("monitor/not-found").status(HttpStatus.NOT_FOUND).build());
    }

    static final class NotVisible extends RuntimeException {
        NotVisible() {
            super("not visible", null, false, false);
        }
    }
}

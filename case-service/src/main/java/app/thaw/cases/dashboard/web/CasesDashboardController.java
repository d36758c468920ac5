package app.thaw.cases.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import app.thaw.cases.analytics.CaseAnalytics;
import app.thaw.cases.appeal.AppealLetterService;
import app.thaw.cases.casework.CaseOverview;
import app.thaw.cases.casework.CaseQuery;
import app.thaw.cases.casework.CaseService;
import app.thaw.cases.casework.CaseStatistics;
import app.thaw.cases.casework.StaffTriage;
import app.thaw.cases.drill.DrillReport;
import app.thaw.cases.incident.CaseClock;
import app.thaw.cases.incident.CaseStatus;
import app.thaw.cases.incident.ClockKind;
import app.thaw.cases.incident.ContactChannel;
import app.thaw.cases.incident.ContactEntry;
import app.thaw.cases.incident.FreezeScope;
import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.incident.Outcome;
import app.thaw.cases.incident.Readiness;
import app.thaw.cases.incident.Scenario;
import app.thaw.cases.playbook.Playbooks;
import app.thaw.cases.playbook.ScriptRenderer;
import app.thaw.cases.problems.CaseProblems;
import app.thaw.platform.dashboard.ThawDashboard;
import app.thaw.platform.problem.NotFound;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.TenantIds;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The case service's staff pages. Every read and write goes through the same application services
 * as the API, so the caller's roles, the tenant rules and the compliance restriction apply
 * unchanged: what the API answers 404, these pages answer with the not-found page. Writes come
 * from htmx (the gateway's CSRF header); a refusal answers its status with the problem's message,
 * which the page shows next to the form.
 */
@ThawDashboard
@RequestMapping("/dashboard/cases")
class CasesDashboardController {

    private static final String CASE = "/{id:[0-9a-fA-F-]{36}}";

    private final CaseService cases;
    private final CaseOverview overview;
    private final StaffTriage triage;
    private final CaseAnalytics caseAnalytics;
    private final Playbooks playbooks;
    private final ScriptRenderer scripts;
    private final AppealLetterService letters;
    private final MessageSource messages;
    private final app.thaw.cases.staff.StaffDirectory staff;
    private final app.thaw.platform.tenancy.PartnerLinks partnerLinks;
    private final app.thaw.cases.insurer.InsurerFollows follows;
    private final app.thaw.cases.staff.TenantNames tenantNames;

    CasesDashboardController(
            CaseService cases,
            CaseOverview overview,
            StaffTriage triage,
            Playbooks playbooks,
            ScriptRenderer scripts,
            AppealLetterService letters,
            CaseAnalytics caseAnalytics,
            MessageSource messages,
            app.thaw.cases.staff.StaffDirectory staff,
            app.thaw.platform.tenancy.PartnerLinks partnerLinks,
            app.thaw.cases.insurer.InsurerFollows follows,
            app.thaw.cases.staff.TenantNames tenantNames) {
        this.staff = staff;
        this.tenantNames = tenantNames;
        this.partnerLinks = partnerLinks;
        this.follows = follows;
        this.caseAnalytics = caseAnalytics;
        this.cases = cases;
        this.overview = overview;
        this.triage = triage;
        this.playbooks = playbooks;
        this.scripts = scripts;
        this.letters = letters;
        this.messages = messages;
    }

    // ------------------------------------------------------------------ queue

    @GetMapping("/")
    Mono<Rendering> queue(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String scenario,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String atRisk,
            @RequestParam(required = false) @Nullable String drill,
            @RequestParam(required = false) @Nullable String readiness,
            @RequestParam(defaultValue = "0") String page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String restoring) {
        boolean fragment = htmx != null && restoring == null;
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", blankToEmpty(status));
        filters.put("scenario", blankToEmpty(scenario));
        filters.put("assignee", blankToEmpty(assignee));
        filters.put("atRisk", "true".equals(atRisk) ? "true" : "");
        filters.put("drill", "true".equals(drill) || "false".equals(drill) ? drill : "");
        filters.put("readiness", blankToEmpty(readiness));
        String view = fragment ? "cases/queue :: results" : "cases/queue";
        return Mono.fromCallable(() -> new CaseQuery(
                        CaseProblems.optionalCode(CaseStatus.class, status, "status"),
                        CaseProblems.optionalCode(Scenario.class, scenario, "scenario"),
                        blankToNull(assignee),
                        "true".equals(atRisk) ? Boolean.TRUE : null,
                        filters.get("drill").isEmpty() ? null : Boolean.valueOf(drill),
                        null,
                        null,
                        null,
                        CaseProblems.optionalCode(Readiness.State.class, readiness, "readiness")))
                .flatMap(query -> overview.queue(query, pageNumber(page)))
                // Each row in its tenant's zone: one settings read per tenant on the page.
                .flatMap(found -> reactor.core.publisher.Flux.fromIterable(found.items())
                        .distinct(IncidentCase::tenantId)
                        .concatMap(c -> cases.tenantOf(c).map(tenant -> Map.entry(c.tenantId(), tenant.zone())))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                        .map(zones -> found.items().stream()
                                .map(c -> CaseViews.Row.of(c, zones.get(c.tenantId())))
                                .toList())
                        .zipWith(staff.names())
                        .map(found2 -> Rendering.view(view)
                                .modelAttribute("filters", filters)
                                .modelAttribute("rows", found2.getT1())
                                .modelAttribute("staffNames", found2.getT2())
                                .modelAttribute("readinesses", Readiness.State.values())
                                .modelAttribute("page", found.page())
                                .modelAttribute("more", found.more())
                                .modelAttribute("statuses", CaseStatus.values())
                                .modelAttribute("scenarios", Scenario.values())
                                .build()))
                .onErrorResume(
                        ThawProblem.class,
                        problem -> Mono.just(Rendering.view(fragment ? "cases/problem :: problem" : "cases/problem")
                                .modelAttribute("problem", problem)
                                .status(problem.status())
                                .build()));
    }

    // ------------------------------------------------------------------ one case

    @GetMapping(CASE)
    Mono<Rendering> showCase(@PathVariable String id, Locale locale) {
        return cases.get(id)
                .flatMap(c -> page(c, locale, null, null, "cases/case").map(Rendering.Builder::build))
                .onErrorResume(ThawProblem.class, problem -> Mono.just(problemPage(problem)));
    }

    @PostMapping(CASE + "/transitions")
    Mono<Rendering> transition(@PathVariable String id, ServerWebExchange exchange, Locale locale) {
        return act(
                exchange,
                form -> {
                    CaseStatus to = CaseProblems.code(CaseStatus.class, required(form, "to", 32), "to");
                    String reason = required(form, "reason", 2000);
                    String releaseReference = optional(form, "releaseReference", 200);
                    Outcome resolution =
                            CaseProblems.optionalCode(Outcome.class, form.getFirst("resolution"), "resolution");
                    List<String> items = form.getOrDefault("items", List.of()).stream()
                            .filter(item -> !item.isBlank())
                            .toList();
                    return cases.change(
                            id,
                            version(form),
                            (c, tenant, now, actor) -> c.transition(
                                    to,
                                    reason,
                                    releaseReference,
                                    resolution,
                                    items,
                                    tenant.policy(),
                                    tenant.calendar(),
                                    now,
                                    actor));
                },
                c -> page(
                                c,
                                locale,
                                message("cases.case.moved", locale, message("cases.status." + c.status(), locale)),
                                null,
                                "cases/case :: case-body")
                        .map(Rendering.Builder::build));
    }

    @PostMapping(CASE + "/contacts")
    Mono<Rendering> contact(@PathVariable String id, ServerWebExchange exchange, Locale locale) {
        String entryId = UUID.randomUUID().toString();
        return act(
                exchange,
                form -> {
                    ContactChannel channel =
                            CaseProblems.code(ContactChannel.class, required(form, "channel", 32), "channel");
                    String summary = required(form, "summary", 4000);
                    String ticket = optional(form, "ticketNumber", 100);
                    String agent = optional(form, "agent", 200);
                    String nextStep = optional(form, "nextStep", 2000);
                    String promised = optional(form, "promisedReplyAt", 32);
                    Integer cycle = cycleDays(optional(form, "statedCycleDays", 4));
                    return cases.change(id, version(form), (c, tenant, now, actor) -> {
                        Instant promisedAt = promised == null
                                ? null
                                : localTime(promised).atZone(tenant.zone()).toInstant();
                        c.logContact(
                                new ContactEntry(
                                        entryId,
                                        channel,
                                        now,
                                        ticket,
                                        agent,
                                        summary,
                                        nextStep,
                                        promisedAt,
                                        cycle,
                                        actor),
                                tenant.calendar(),
                                now,
                                actor);
                    });
                },
                c -> {
                    var followUp = c.clock(c.id() + "/follow-up/" + entryId).orElse(null);
                    return page(
                                    c,
                                    locale,
                                    message(
                                            followUp == null ? "cases.contact.logged" : "cases.contact.followUp",
                                            locale),
                                    followUp,
                                    "cases/case :: case-body")
                            .map(Rendering.Builder::build);
                });
    }

    @PostMapping(CASE + "/tasks/{taskId}/done")
    Mono<Rendering> taskDone(
            @PathVariable String id, @PathVariable String taskId, ServerWebExchange exchange, Locale locale) {
        return act(
                exchange,
                form -> {
                    String note = optional(form, "note", 4000);
                    return cases.change(
                            id, version(form), (c, tenant, now, actor) -> c.completeTask(taskId, note, now, actor));
                },
                c -> body(c, locale, message("cases.task.doneNotice", locale)));
    }

    @PostMapping(CASE + "/clocks/met")
    Mono<Rendering> clockMet(@PathVariable String id, ServerWebExchange exchange, Locale locale) {
        return act(
                exchange,
                form -> {
                    String clockId = required(form, "clockId", 300);
                    return cases.change(id, version(form), (c, tenant, now, actor) -> c.meetClock(clockId, now, actor))
                            .map(c -> java.util.Map.entry(c, clockId));
                },
                // A supplement request is acknowledged (its clock met), and the page says so in those words.
                met -> body(
                        met.getKey(),
                        locale,
                        message(
                                met.getKey()
                                                .clocks(clock -> clock.id().equals(met.getValue())
                                                        && clock.kind() == ClockKind.SUPPLEMENT_ACK_24H)
                                                .isEmpty()
                                        ? "cases.clock.metNotice"
                                        : "cases.clock.acknowledgedNotice",
                                locale)));
    }

    /** Assign to whoever is named, to the caller ({@code me}), or to no one ({@code nobody}). */
    @PostMapping(CASE + "/assignment")
    Mono<Rendering> assign(@PathVariable String id, ServerWebExchange exchange, Locale locale) {
        return act(
                exchange,
                form -> {
                    String to = form.getFirst("to");
                    String named = "me".equals(to) || "nobody".equals(to) ? null : required(form, "assignee", 200);
                    return cases.change(
                            id,
                            version(form),
                            (c, tenant, now, actor) -> c.assign("me".equals(to) ? actor : named, now, actor));
                },
                c -> staff.names()
                        .flatMap(names -> body(
                                c,
                                locale,
                                c.assignee() == null
                                        ? message("cases.assign.nobody", locale)
                                        : message(
                                                "cases.assign.done",
                                                locale,
                                                names.getOrDefault(c.assignee(), c.assignee())))));
    }

    @PostMapping(CASE + "/triage")
    Mono<Rendering> triage(@PathVariable String id, ServerWebExchange exchange, Locale locale) {
        return act(
                exchange,
                form -> {
                    String scenario = required(form, "scenario", 64);
                    String reason = required(form, "reason", 2000);
                    return triage.triage(id, version(form), scenario, optional(form, "scope", 64), null, reason);
                },
                c -> body(
                        c,
                        locale,
                        message("cases.triage.done", locale, message("cases.scenario." + c.scenario(), locale))));
    }

    /** The appeal letter as the API makes it: HTML to preview, or the PDF to download; {@code lang} zh-CN or en. */
    @GetMapping(CASE + "/appeal-letter")
    Mono<ResponseEntity<byte[]>> appealLetter(
            @PathVariable String id,
            @RequestParam(defaultValue = "zh-CN") String lang,
            @RequestParam(required = false) @Nullable String format) {
        if (!"zh-CN".equals(lang) && !"en".equals(lang)) {
            return Mono.error(CaseProblems.invalid("lang", "OneOf", "must be zh-CN or en"));
        }
        boolean pdf = "pdf".equals(format);
        return letters.letter(id, lang, pdf).map(letter -> letter.response("attachment"));
    }

    /**
     * The case an identity-monitor alert opened (the monitor's alert rows link here): its page, or
     * the not-found page when no case was opened for it (or the caller may not see it).
     */
    @GetMapping("/alerts/{tenantId}/{alertId}")
    Mono<Rendering> caseOfAlert(@PathVariable String tenantId, @PathVariable String alertId) {
        return Mono.fromCallable(() -> {
                    if (alertId.isBlank() || alertId.length() > 200) {
                        throw CaseProblems.invalid("alertId", "Size", "must be 1 to 200 characters");
                    }
                    return CaseService.caseForAlert(
                                    java.util.Objects.requireNonNull(TenantIds.named(tenantId)), alertId)
                            .value();
                })
                .flatMap(id -> cases.get(id))
                .map(c -> Rendering.redirectTo("/dashboard/cases/" + c.id()).build())
                .onErrorResume(ThawProblem.class, problem -> Mono.just(problemPage(problem)));
    }

    @GetMapping(CASE + "/drill")
    Mono<Rendering> drill(@PathVariable String id, Locale locale) {
        return cases.get(id)
                .flatMap(c -> {
                    if (!c.drill()) {
                        return Mono.error(new NotFound("drill report (the case is no drill) for case", id));
                    }
                    return cases.tenantOf(c)
                            .map(tenant -> Rendering.view("cases/drill")
                                    .modelAttribute("report", DrillReport.of(c))
                                    .modelAttribute("view", CaseViews.Page.of(c, tenant.zone(), zh(locale), null, null))
                                    .build());
                })
                .onErrorResume(ThawProblem.class, problem -> Mono.just(problemPage(problem)));
    }

    // ------------------------------------------------------------------ charts

    @GetMapping("/charts")
    Mono<Rendering> charts(@RequestParam(required = false) @Nullable String tenantId, Locale locale) {
        // The form's field is typed by a person: surrounding spaces are dropped, then the platform's rule applies.
        return Mono.defer(() -> overview.statistics(TenantIds.named(blankToNull(tenantId))))
                .map(stats -> Rendering.view("cases/charts")
                        .modelAttribute("stats", stats)
                        .modelAttribute("tenantId", blankToEmpty(tenantId))
                        .modelAttribute("charts", charts(stats, locale))
                        .build())
                .onErrorResume(ThawProblem.class, problem -> Mono.just(problemPage(problem)));
    }

    // ------------------------------------------------------------------ outcome analytics

    @GetMapping("/analytics")
    Mono<Rendering> analytics(
            @RequestParam(required = false) @Nullable String tenantId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Locale locale) {
        return Mono.defer(() -> caseAnalytics.compute(
                        TenantIds.named(blankToNull(tenantId)),
                        CaseAnalytics.day(from, "from"),
                        CaseAnalytics.day(to, "to")))
                .map(a -> Rendering.view("cases/analytics")
                        .modelAttribute("a", a)
                        .modelAttribute(
                                "filters",
                                Map.of(
                                        "tenantId",
                                        blankToEmpty(tenantId),
                                        "from",
                                        blankToEmpty(from),
                                        "to",
                                        blankToEmpty(to)))
                        .modelAttribute("charts", analyticsCharts(a, locale))
                        .build())
                .onErrorResume(ThawProblem.class, problem -> Mono.just(problemPage(problem)));
    }

    @GetMapping(path = "/analytics.csv", produces = "text/csv")
    Mono<ResponseEntity<String>> analyticsCsv(
            @RequestParam(required = false) @Nullable String tenantId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return Mono.defer(() -> caseAnalytics.compute(
                        TenantIds.named(blankToNull(tenantId)),
                        CaseAnalytics.day(from, "from"),
                        CaseAnalytics.day(to, "to")))
                .map(a -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"thaw-outcomes.csv\"")
                        .body(CaseAnalytics.csv(a)));
    }

    private List<Chart> analyticsCharts(CaseAnalytics.Analytics a, Locale locale) {
        List<String> scenarios = new ArrayList<>();
        List<Number> scenarioRates = new ArrayList<>();
        a.byScenario().forEach((scenario, f) -> {
            scenarios.add(message("cases.scenario." + scenario, locale));
            scenarioRates.add(Math.round(f.releaseRate() * 1000) / 10.0);
        });
        List<Number> platformRates = a.byPlatform().values().stream()
                .<Number>map(f -> Math.round(f.releaseRate() * 1000) / 10.0)
                .toList();
        List<Number> monthCases = a.byMonth().values().stream()
                .<Number>map(CaseAnalytics.Figures::released)
                .toList();
        String percent = message("cases.analytics.releaseRate", locale);
        return List.of(
                new Chart(
                        "release-by-scenario",
                        message("cases.analytics.byScenario", locale),
                        percent,
                        scenarios,
                        scenarioRates),
                new Chart(
                        "release-by-platform",
                        message("cases.analytics.byPlatform", locale),
                        percent,
                        List.copyOf(a.byPlatform().keySet()),
                        platformRates),
                new Chart(
                        "released-by-month",
                        message("cases.analytics.byMonth", locale),
                        message("cases.analytics.released", locale),
                        List.copyOf(a.byMonth().keySet()),
                        monthCases),
                new Chart(
                        "rejected-items",
                        message("cases.analytics.rejected", locale),
                        message("cases.analytics.lines", locale),
                        a.mostRejected().stream()
                                .map(CaseAnalytics.Rejections::code)
                                .toList(),
                        a.mostRejected().stream()
                                .<Number>map(CaseAnalytics.Rejections::lines)
                                .toList()));
    }

    /** One chart's data: labels and values, also shown as a table for screen readers. */
    record Chart(String id, String title, String unit, List<String> labels, List<Number> values) {}

    private List<Chart> charts(CaseStatistics stats, Locale locale) {
        List<String> scenarioLabels = new ArrayList<>();
        List<Number> scenarioHours = new ArrayList<>();
        stats.hoursToResolutionByScenario().forEach((scenario, hours) -> {
            scenarioLabels.add(message("cases.scenario." + scenario, locale));
            scenarioHours.add(Math.round(hours * 10) / 10.0);
        });
        List<Number> platformHours = stats.hoursToResolutionByPlatform().values().stream()
                .<Number>map(h -> Math.round(h * 10) / 10.0)
                .toList();
        List<String> breachLabels = new ArrayList<>();
        List<Number> breaches = new ArrayList<>();
        stats.breachesByClock().forEach((kind, count) -> {
            breachLabels.add(message("cases.clock." + kind, locale));
            breaches.add(count);
        });
        String hours = message("cases.charts.hours", locale);
        return List.of(
                new Chart(
                        "resolution-by-scenario",
                        message("cases.charts.byScenario", locale),
                        hours,
                        scenarioLabels,
                        scenarioHours),
                new Chart(
                        "resolution-by-platform",
                        message("cases.charts.byPlatform", locale),
                        hours,
                        List.copyOf(stats.hoursToResolutionByPlatform().keySet()),
                        platformHours),
                new Chart(
                        "golden",
                        message("cases.charts.golden", locale),
                        message("cases.charts.clocks", locale),
                        List.of(
                                message("cases.charts.met", locale),
                                message("cases.charts.breached", locale),
                                message("cases.charts.pending", locale)),
                        List.of(stats.goldenMet(), stats.goldenBreached(), stats.goldenPending())),
                new Chart(
                        "breaches",
                        message("cases.charts.breaches", locale),
                        message("cases.charts.clocks", locale),
                        breachLabels,
                        breaches));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A case action posted from the page: {@code change} reads the form and changes the case, {@code answer} renders
     * what the page shows next; a refusal answers its status with the problem where the page shows problems.
     */
    private static <T> Mono<Rendering> act(
            ServerWebExchange exchange,
            Function<MultiValueMap<String, String>, Mono<T>> change,
            Function<T, Mono<Rendering>> answer) {
        return fields(exchange)
                .flatMap(change)
                .flatMap(answer)
                .onErrorResume(ThawProblem.class, problem -> Mono.just(actionProblem(problem)));
    }

    private Mono<Rendering> body(IncidentCase c, Locale locale, String notice) {
        return page(c, locale, notice, null, "cases/case :: case-body").map(Rendering.Builder::build);
    }

    private Mono<Rendering.Builder<?>> page(
            IncidentCase c, Locale locale, @Nullable String notice, @Nullable CaseClock followUp, String view) {
        boolean zh = zh(locale);
        // The scripts as GET /{id}/scripts answers them, in the page's language.
        return cases.tenantOf(c)
                .flatMap(tenant -> playbooks
                        .byId(c.tenantId(), String.valueOf(c.playbookId()))
                        .map(playbook -> scripts.render(c, playbook.scripts(), zh ? "zh" : "en", tenant.zone()))
                        .defaultIfEmpty(Map.of())
                        .zipWith(staff.all())
                        .zipWith(parties(c))
                        .map(all -> Rendering.view(view)
                                .modelAttribute("parties", all.getT2())
                                .modelAttribute("staff", all.getT1().getT2())
                                .modelAttribute(
                                        "staffNames",
                                        all.getT1().getT2().stream()
                                                .collect(java.util.stream.Collectors.toMap(
                                                        app.thaw.cases.staff.StaffDirectory.Staff::username,
                                                        app.thaw.cases.staff.StaffDirectory.Staff::name,
                                                        (a, b) -> a)))
                                .modelAttribute("view", CaseViews.Page.of(c, tenant.zone(), zh, notice, followUp))
                                .modelAttribute("scripts", all.getT1().getT1())
                                .modelAttribute(
                                        "scenarios",
                                        java.util.Arrays.stream(Scenario.values())
                                                .filter(scenario -> !scenario.restricted() || c.restricted())
                                                .toList())
                                .modelAttribute("scopes", FreezeScope.values())
                                .modelAttribute("channels", ContactChannel.values())
                                .modelAttribute("outcomes", List.of(Outcome.RESTORED, Outcome.PARTIALLY_RESTORED))
                                .modelAttribute("zone", tenant.zone().getId())));
    }

    /**
     * The partner banks the case's tenant linked (revoked ones too) and the insurers its holder consented to,
     * each by its organization's name (its tenant id when Keycloak names none).
     */
    private Mono<List<CaseViews.Party>> parties(IncidentCase c) {
        return tenantNames
                .all()
                .flatMap(names -> partnerLinks
                        .of(c.tenantId())
                        .filter(link -> link.merchantTenantId().equals(c.tenantId()))
                        .map(link -> new CaseViews.Party(
                                "partner_bank",
                                link.partnerTenantId(),
                                names.getOrDefault(link.partnerTenantId(), link.partnerTenantId()),
                                link.active(),
                                link.linkedAt(),
                                link.active() ? null : link.changedAt()))
                        .concatWith(follows.ofCase(c.tenantId(), c.id())
                                .map(consent -> new CaseViews.Party(
                                        "insurer",
                                        consent.insurerTenantId(),
                                        names.getOrDefault(consent.insurerTenantId(), consent.insurerTenantId()),
                                        consent.active(),
                                        consent.at(),
                                        consent.revokedAt())))
                        .collectList());
    }

    private static Rendering problemPage(ThawProblem problem) {
        return Rendering.view("cases/problem")
                .modelAttribute("problem", problem)
                .status(problem.status())
                .build();
    }

    /** A refused write: its status, and the message put where the page shows problems (the form stays as typed). */
    private static Rendering actionProblem(ThawProblem problem) {
        return Rendering.view("cases/problem :: problem")
                .modelAttribute("problem", problem)
                .status(problem.status())
                .header("HX-Retarget", "#case-problem")
                .header("HX-Reswap", "innerHTML")
                .build();
    }

    /**
     * The posted fields. The pages post multipart (htmx {@code hx-encoding}): the gateway's CSRF
     * filter reads an urlencoded body looking for a token parameter before it looks at the header,
     * which leaves nothing of that body to relay; a multipart body it leaves alone.
     */
    private static Mono<MultiValueMap<String, String>> fields(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            return exchange.getFormData();
        }
        return exchange.getMultipartData().map(parts -> {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            parts.forEach((name, values) -> values.stream()
                    .filter(FormFieldPart.class::isInstance)
                    .forEach(part -> form.add(name, ((FormFieldPart) part).value())));
            return form;
        });
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static boolean zh(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }

    private static @Nullable Long version(MultiValueMap<String, String> form) {
        return CaseProblems.ifMatch(form.getFirst("version"));
    }

    private static String required(MultiValueMap<String, String> form, String field, int max) {
        String value = optional(form, field, max);
        if (value == null) {
            throw CaseProblems.invalid(field, "NotBlank", "must not be blank");
        }
        return value;
    }

    private static @Nullable String optional(MultiValueMap<String, String> form, String field, int max) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw CaseProblems.invalid(field, "Size", "must be at most " + max + " characters");
        }
        return value.strip();
    }

    private static @Nullable Integer cycleDays(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= 365) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw CaseProblems.invalid("statedCycleDays", "Range", "must be a whole number of days between 1 and 365");
    }

    private static LocalDateTime localTime(String value) {
        try {
            // The date window of ADR 55/58: a far date would overflow when placed in the tenant's zone.
            return app.thaw.platform.web.RequestDates.inWindow("promisedReplyAt", LocalDateTime.parse(value));
        } catch (DateTimeParseException e) {
            throw CaseProblems.invalid(
                    "promisedReplyAt", "DateTime", "must be a date and time such as 2026-11-24T10:00");
        }
    }

    private static int pageNumber(String page) {
        try {
            return Integer.parseInt(page);
        } catch (NumberFormatException e) {
            throw CaseProblems.invalid("page", "Range", "must be a page number");
        }
    }

    private static String blankToEmpty(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package app.thaw.monitor.dashboard.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.access.TenantNotFound;
import app.thaw.monitor.alerts.Alert;
import app.thaw.monitor.alerts.AlertKind;
import app.thaw.monitor.alerts.AlertNotFound;
import app.thaw.monitor.alerts.AlertService;
import app.thaw.monitor.alerts.AlertState;
import app.thaw.monitor.alerts.AlertTransitionNotAllowed;
import app.thaw.monitor.baseline.BaselineView;
import app.thaw.monitor.baseline.Baselines;
import app.thaw.monitor.detection.Severity;
import app.thaw.monitor.ingestion.SignalService;
import app.thaw.monitor.screening.AllowList;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.Signals;
import app.thaw.monitor.subjects.SubjectNotFound;
import app.thaw.monitor.subjects.SubjectService;
import app.thaw.platform.dashboard.ThawDashboard;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.TenantIds;
import app.thaw.platform.tenancy.TenantAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The monitor's staff pages: the alert triage queue (with the moves allowed now), a subject's page
 * (baseline, signal timeline, screening hits) and the tenant's ingestion rate. Everything goes
 * through the same application services and role rules as the API, scoped by the token's tenant;
 * what a caller may not see answers 404. As in the alerts API, Thaw's staff may name another tenant
 * in the queue's filter ({@code tenantId}) to triage its alerts, each list and move audited by
 * {@link AlertService}; that tenant's subjects and signals stay out of reach (the API offers staff no
 * such read), so its rows carry no subject link and no signals. Identifiers are shown masked, in clear only through the
 * audited reveal, for the roles the API allows it.
 */
@ThawDashboard
@RequestMapping("/dashboard/monitor")
class MonitorDashboardController {

    /** The queue shows the newest alerts matching the filters, at most this many. */
    static final int QUEUE_SIZE = 200;
    /** A subject's timeline shows its newest signals, at most this many. */
    static final int TIMELINE_SIZE = 100;
    /** The ingestion chart counts at most this many signals in its range. */
    static final int INGESTION_MAX = 20_000;

    static final int MAX_REASON = 1000;
    static final List<String> DETECTORS = List.of(
            "NEW_DEVICE",
            "IMPOSSIBLE_TRAVEL",
            "UNUSUAL_HOUR",
            "OTP_BURST",
            "CREDIT_APPLICATIONS",
            "CONTACT_CHANGE_THEN_PAYMENT",
            "NEW_INSTITUTION",
            "SANCTIONS_SCREENING");
    private static final Map<String, AlertState> MOVES = Map.of(
            "acknowledge", AlertState.ACKNOWLEDGED, "dismiss", AlertState.DISMISSED, "escalate", AlertState.ESCALATED);

    private final AlertService alerts;
    private final SubjectService subjects;
    private final Baselines baselines;
    private final SignalService signals;
    private final Clock clock;
    private final app.thaw.monitor.screening.ScreeningService screening;
    private final ReasonWords words;

    MonitorDashboardController(
            AlertService alerts,
            SubjectService subjects,
            Baselines baselines,
            SignalService signals,
            Clock clock,
            app.thaw.monitor.screening.ScreeningService screening,
            ReasonWords words) {
        this.screening = screening;
        this.words = words;
        this.alerts = alerts;
        this.subjects = subjects;
        this.baselines = baselines;
        this.signals = signals;
        this.clock = clock;
    }

    /** The reason the service records for a dismissal without one, which the pages word in their own language. */
    @ModelAttribute("clearedWithoutReason")
    String clearedWithoutReason() {
        return AlertService.CLEARED_WITHOUT_REASON;
    }

    // ---- the alert triage queue ----

    @GetMapping({"", "/"})
    Mono<Rendering> queue(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String detector,
            @RequestParam(required = false) @Nullable String tenantId,
            Locale locale) {
        AlertState stateFilter = parse(AlertState.class, state);
        Severity severityFilter = parse(Severity.class, severity);
        AlertKind kindFilter = parse(AlertKind.class, kind);
        String detectorFilter = detector == null || detector.isBlank() ? null : detector.trim();
        // Typed by a person: surrounding spaces are dropped (strip, not trim: a control character stays and is
        // refused).
        String typedTenant = tenantId == null ? "" : tenantId.strip();
        Map<String, String> filters = filters(stateFilter, severityFilter, kindFilter, detectorFilter, typedTenant);
        return reader().flatMap(caller -> Mono.fromCallable(() -> Optional.ofNullable(TenantIds.named(typedTenant)))
                        .flatMap(tenantFilter -> alerts.page(
                                        caller,
                                        tenantFilter.orElse(null),
                                        stateFilter,
                                        severityFilter,
                                        kindFilter,
                                        null,
                                        null,
                                        QUEUE_SIZE)
                                .filter(alert -> detectorFilter == null
                                        || alert.detectors().containsKey(detectorFilter))
                                .collectList()
                                .zipWith(alerts.tenantsWithOpenAlerts(caller).collectList())
                                .map(found -> {
                                    List<Alert> sorted = new ArrayList<>(found.getT1());
                                    sorted.sort(TRIAGE_ORDER);
                                    return Map.entry(sorted, found.getT2());
                                })
                                .flatMap(found -> alerts.standingDecisions(found.getKey())
                                        .map(decisions -> queuePage(
                                                found.getKey(),
                                                decisions,
                                                caller,
                                                filters,
                                                null,
                                                found.getValue(),
                                                alert -> words.of(alert, locale)))))
                        .onErrorResume(
                                ThawProblem.class,
                                malformed -> malformed.status().value() != HttpStatus.BAD_REQUEST.value()
                                        ? Mono.error(malformed)
                                        : Mono.just(queuePage(
                                                List.of(),
                                                Map.of(),
                                                caller,
                                                filters,
                                                "monitor.problem.tenant",
                                                List.of(),
                                                alert -> List.of()))))
                .onErrorResume(
                        error -> error instanceof NotVisible || error instanceof TenantNotFound, hidden -> notFound());
    }

    /** The queue page with {@code shown}; with a problem instead (400), no alerts. */
    private static Rendering queuePage(
            List<Alert> shown,
            Map<String, AllowList.StoredDecision> decisions,
            Caller caller,
            Map<String, String> filters,
            @Nullable String problem,
            List<String> tenants,
            Function<Alert, List<ReasonWords.Shown>> reasons) {
        Set<String> detectors = new LinkedHashSet<>(DETECTORS);
        shown.forEach(alert -> detectors.addAll(alert.detectors().keySet()));
        return Rendering.view("monitor/queue")
                .modelAttribute(
                        "rows",
                        shown.stream()
                                .map(alert -> Row.of(alert, caller, decisions.get(alert.id()), reasons.apply(alert)))
                                .toList())
                .modelAttribute("filters", filters)
                .modelAttribute("states", AlertState.values())
                .modelAttribute("severities", List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW))
                .modelAttribute("kinds", AlertKind.values())
                .modelAttribute("detectors", detectors)
                .modelAttribute("limit", QUEUE_SIZE)
                .modelAttribute("tenants", tenants)
                // The case pages are staff's: only staff get the link from an alert to its case.
                .modelAttribute("staff", TenantAccess.staff(caller))
                .modelAttribute("problem", problem == null ? "" : problem)
                .status(problem == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .build();
    }

    private static Map<String, String> filters(
            @Nullable AlertState state,
            @Nullable Severity severity,
            @Nullable AlertKind kind,
            @Nullable String detector,
            String tenant) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("state", state == null ? "" : state.name());
        filters.put("severity", severity == null ? "" : severity.name());
        filters.put("kind", kind == null ? "" : kind.name());
        filters.put("detector", detector == null ? "" : detector);
        filters.put("tenant", tenant);
        return filters;
    }

    /** New alerts first, then acknowledged, then closed ones; within each, the most severe, then the most recent. */
    static final Comparator<Alert> TRIAGE_ORDER = Comparator.comparingInt(
                    (Alert alert) -> alert.state().ordinal())
            .thenComparing(Alert::severity, Comparator.reverseOrder())
            .thenComparing(Alert::lastAt, Comparator.reverseOrder());

    /** The signals behind one alert (an htmx fragment). */
    @GetMapping("/alerts/{id}/signals")
    Mono<Rendering> alertSignals(@PathVariable String id) {
        return reader().flatMap(caller -> alerts.get(caller, id)
                        .flatMap(alert -> signals.forSubject(caller, alert.subjectId(), null, 1000)
                                .filter(received -> alert.signalIds()
                                        .contains(received.signal().id()))
                                .map(MonitorDashboardController::signalView)
                                .collectList()
                                .map(found -> Rendering.view("monitor/queue :: alertSignals")
                                        .modelAttribute("alertId", alert.id())
                                        .modelAttribute("signals", found)
                                        .build())))
                .onErrorResume(
                        error -> error instanceof NotVisible || error instanceof AlertNotFound, hidden -> notFound());
    }

    /**
     * Acknowledge, dismiss or escalate; answers the alert's row again, with the problem when refused.
     * A row of another tenant's alert (staff) names its tenant in the form, as the API's {@code tenantId}.
     */
    @PostMapping("/alerts/{id}/{move}")
    Mono<Rendering> move(@PathVariable String id, @PathVariable String move, ServerWebExchange exchange) {
        AlertState wanted = MOVES.get(move);
        if (wanted == null) {
            return notFound();
        }
        Locale locale = exchange.getLocaleContext().getLocale();
        Locale wordedIn = locale == null ? Locale.ENGLISH : locale;
        return reader().flatMap(caller -> exchange.getFormData().flatMap(form -> {
                    // The page put it there; a malformed one names no tenant whose alert could be found.
                    String named = form.getFirst(TenantIds.PARAMETER);
                    if (named != null && !named.isEmpty() && !TenantIds.isValid(named)) {
                        return Mono.<Rendering>error(new AlertNotFound(id));
                    }
                    String tenant = named == null || named.isEmpty() ? null : named;
                    Long version = version(form);
                    String reason = form.getFirst("reason");
                    String trimmed = reason == null || reason.isBlank() ? null : reason.trim();
                    if (version == null) {
                        return row(caller, tenant, id, "monitor.problem.version", wordedIn);
                    }
                    if (trimmed != null && trimmed.length() > MAX_REASON) {
                        return row(caller, tenant, id, "monitor.problem.reasonTooLong", wordedIn);
                    }
                    if (!caller.hasAnyRole(Roles.ALERT_WORKER)) {
                        return row(caller, tenant, id, "monitor.problem.forbidden", wordedIn);
                    }
                    return alerts.transition(caller, tenant, id, version, wanted, trimmed)
                            .flatMap(moved -> withDecision(moved, caller, wordedIn)
                                    .map(row -> rowView(row, caller, null, "monitor.moved." + wanted.name())))
                            .onErrorResume(
                                    OptimisticLockingFailureException.class,
                                    stale -> row(caller, tenant, id, "monitor.problem.stale", wordedIn))
                            .onErrorResume(
                                    AlertTransitionNotAllowed.class,
                                    refused -> row(caller, tenant, id, "monitor.problem.notAllowed", wordedIn))
                            .onErrorResume(
                                    AccessDeniedException.class,
                                    denied -> row(caller, tenant, id, "monitor.problem.forbidden", wordedIn));
                }))
                .onErrorResume(
                        error -> error instanceof NotVisible || error instanceof AlertNotFound, hidden -> notFound());
    }

    private Mono<Rendering> row(Caller caller, @Nullable String tenantId, String id, String problem, Locale locale) {
        return alerts.get(caller, tenantId, id)
                .flatMap(alert -> withDecision(alert, caller, locale))
                .map(row -> rowView(row, caller, problem, null));
    }

    /** The alert's row with the standing screening decision of its (subject, entry), if any. */
    private Mono<Row> withDecision(Alert alert, Caller caller, Locale locale) {
        return alerts.standingDecisions(List.of(alert))
                .map(decisions -> Row.of(alert, caller, decisions.get(alert.id()), words.of(alert, locale)));
    }

    /** The row again after a move; staff keep the link from the alert to its case, as on the queue. */
    private static Rendering rowView(Row row, Caller caller, @Nullable String problem, @Nullable String done) {
        return Rendering.view("monitor/queue :: alertRow")
                .modelAttribute("row", row)
                .modelAttribute("staff", TenantAccess.staff(caller))
                .modelAttribute("problem", problem == null ? "" : problem)
                .modelAttribute("done", done == null ? "" : done)
                .build();
    }

    private static @Nullable Long version(MultiValueMap<String, String> form) {
        try {
            String value = form.getFirst("version");
            long version = value == null ? 0 : Long.parseLong(value.trim());
            return version >= 1 ? version : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- a subject ----

    @GetMapping("/subjects/{id}")
    Mono<Rendering> subject(@PathVariable String id, Locale locale) {
        return reader().flatMap(caller -> subjects.get(caller, id)
                        .flatMap(subject -> Mono.zip(
                                        baselines
                                                .load(caller.tenantId(), subject.id())
                                                .map(BaselineView::of),
                                        signals.forSubject(caller, subject.id(), null, TIMELINE_SIZE)
                                                .map(MonitorDashboardController::signalView)
                                                .collectList(),
                                        alerts.page(caller, null, null, null, subject.id(), null, QUEUE_SIZE)
                                                .collectList(),
                                        screening
                                                .decisions(subject.tenantId(), subject.id())
                                                .take(QUEUE_SIZE)
                                                .collectList())
                                .map(loaded -> {
                                    List<Alert> subjectAlerts = loaded.getT3();
                                    return Rendering.view("monitor/subject")
                                            .modelAttribute("subject", subject)
                                            .modelAttribute("baseline", loaded.getT1())
                                            .modelAttribute(
                                                    "hours",
                                                    activeHours(loaded.getT1().activeHours()))
                                            .modelAttribute("signals", loaded.getT2())
                                            .modelAttribute("timelineSize", TIMELINE_SIZE)
                                            .modelAttribute(
                                                    "hits",
                                                    subjectAlerts.stream()
                                                            .filter(a -> a.kind() == AlertKind.SANCTIONS_HIT)
                                                            .toList())
                                            .modelAttribute(
                                                    "alerts",
                                                    subjectAlerts.stream()
                                                            .filter(a -> a.kind() == AlertKind.IDENTITY_MISUSE)
                                                            .map(alert ->
                                                                    Row.of(alert, caller, words.of(alert, locale)))
                                                            .toList())
                                            .modelAttribute("decisions", loaded.getT4())
                                            .modelAttribute("mayReveal", caller.hasAnyRole(Roles.REVEAL))
                                            .build();
                                })))
                .onErrorResume(
                        error -> error instanceof NotVisible || error instanceof SubjectNotFound, hidden -> notFound());
    }

    /** The subject's identifiers in clear: audited by the service, for the roles the API allows. */
    @PostMapping("/subjects/{id}/reveal")
    Mono<Rendering> reveal(@PathVariable String id) {
        return reader().filter(caller -> caller.hasAnyRole(Roles.REVEAL))
                .switchIfEmpty(Mono.error(NotVisible::new))
                .flatMap(caller -> subjects.reveal(caller, id))
                .map(identifiers -> Rendering.view("monitor/subject :: revealedIdentifiers")
                        .modelAttribute("identifiers", identifiers)
                        .build())
                .onErrorResume(
                        error -> error instanceof NotVisible || error instanceof SubjectNotFound, hidden -> notFound());
    }

    /** Hours of the day (in the tenant's zone) with their share of the subject's signals, for the active-hours bar. */
    private static List<Map<String, Object>> activeHours(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int hour = 0; hour < counts.length; hour++) {
            hours.add(Map.of(
                    "hour",
                    hour,
                    "count",
                    counts[hour],
                    "percent",
                    total == 0 ? 0 : Math.round(100.0 * counts[hour] / total)));
        }
        return hours;
    }

    // ---- ingestion rate ----

    @GetMapping("/ingestion")
    Mono<Rendering> ingestion(@RequestParam(defaultValue = "hour") String range) {
        boolean day = range.equals("day");
        Duration bucket = day ? Duration.ofHours(1) : Duration.ofMinutes(1);
        int buckets = day ? 24 : 60;
        Instant end = clock.instant()
                .truncatedTo(day ? ChronoUnit.HOURS : ChronoUnit.MINUTES)
                .plus(bucket);
        Instant start = end.minus(bucket.multipliedBy(buckets));
        DateTimeFormatter label =
                DateTimeFormatter.ofPattern(day ? "MM-dd HH:00" : "HH:mm").withZone(ZoneOffset.UTC);
        return reader().flatMap(caller -> signals.receivedSince(caller, start, INGESTION_MAX)
                        .collectList()
                        .map(received -> {
                            long[] counts = new long[buckets];
                            for (Instant at : received) {
                                int index = (int) (Duration.between(start, at).toMillis() / bucket.toMillis());
                                if (index >= 0 && index < buckets) {
                                    counts[index]++;
                                }
                            }
                            List<String> labels = new ArrayList<>();
                            List<Long> values = new ArrayList<>();
                            for (int i = 0; i < buckets; i++) {
                                labels.add(label.format(start.plus(bucket.multipliedBy(i))));
                                values.add(counts[i]);
                            }
                            return Rendering.view("monitor/ingestion")
                                    .modelAttribute("range", day ? "day" : "hour")
                                    .modelAttribute("labels", labels)
                                    .modelAttribute("values", values)
                                    .modelAttribute("total", received.size())
                                    .modelAttribute("capped", received.size() >= INGESTION_MAX)
                                    .modelAttribute("max", INGESTION_MAX)
                                    .build();
                        }))
                .onErrorResume(NotVisible.class, hidden -> notFound());
    }

    // ---- shared ----

    /** The caller, when its roles may read the tenant's monitoring data; otherwise the page does not exist for it. */
    private static Mono<Caller> reader() {
        return CurrentCaller.get()
                .filter(caller -> caller.hasAnyRole(Roles.READER))
                .switchIfEmpty(Mono.error(NotVisible::new));
    }

    private static Mono<Rendering> notFound() {
        return Mono.just(
                Rendering.view("monitor/not-found").status(HttpStatus.NOT_FOUND).build());
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A stored signal as the pages show it: no identifiers (the signal document keeps only their hashes). */
    static Map<String, Object> signalView(Signals.Received received) {
        Signal signal = received.signal();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", signal.id());
        view.put("signalId", signal.sourceSignalId());
        view.put("type", signal.type().name());
        view.put("occurredAt", signal.occurredAt());
        view.put("device", signal.device());
        view.put("institution", signal.institution());
        view.put("amount", signal.amount());
        view.put("channel", signal.channel());
        view.put("place", null);
        if (signal.location() != null) {
            // Rounded like the baseline's places (about 10 km): where, not exactly where.
            view.put(
                    "place",
                    Math.round(signal.location().lat() * 10) / 10.0 + ", "
                            + Math.round(signal.location().lon() * 10) / 10.0);
        }
        return view;
    }

    /** One alert as the queue shows it, with the moves this caller may make now. */
    /**
     * An alert as the queue shows it, with the moves the caller may make; {@code otherTenant} is the
     * alert's tenant when it is not the caller's (staff triaging it): its moves name it, and it has
     * no subject link or signals.
     */
    record Row(
            Alert alert,
            List<String> moves,
            @Nullable String otherTenant,
            AllowList.@Nullable StoredDecision decision,
            List<ReasonWords.Shown> reasons) {

        static Row of(Alert alert, Caller caller, List<ReasonWords.Shown> reasons) {
            return of(alert, caller, null, reasons);
        }

        static Row of(
                Alert alert,
                Caller caller,
                AllowList.@Nullable StoredDecision decision,
                List<ReasonWords.Shown> reasons) {
            List<String> moves = new ArrayList<>();
            if (caller.hasAnyRole(Roles.ALERT_WORKER)) {
                for (Map.Entry<String, AlertState> move : List.of(
                        Map.entry("acknowledge", AlertState.ACKNOWLEDGED),
                        Map.entry("escalate", AlertState.ESCALATED),
                        Map.entry("dismiss", AlertState.DISMISSED))) {
                    boolean allowed = alert.state().next().contains(move.getValue());
                    boolean complianceOnly =
                            alert.kind() == AlertKind.SANCTIONS_HIT && move.getValue() == AlertState.DISMISSED;
                    if (allowed && (!complianceOnly || caller.hasAnyRole(Roles.COMPLIANCE))) {
                        moves.add(move.getKey());
                    }
                }
            }
            return new Row(
                    alert,
                    List.copyOf(moves),
                    alert.tenantId().equals(caller.tenantId()) ? null : alert.tenantId(),
                    decision,
                    List.copyOf(reasons));
        }
    }

    /** The caller's roles may not read monitoring data: the dashboard answers 404. */
    static final class NotVisible extends RuntimeException {
        NotVisible() {
            super("not visible", null, false, false);
        }
    }
}

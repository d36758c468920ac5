package app.thaw.evidence.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.thaw.evidence.casefile.CaseFile;
import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.dashboard.CaseLabels;
import app.thaw.evidence.dashboard.ReviewDesk;
import app.thaw.evidence.download.Downloads;
import app.thaw.evidence.hold.Holds;
import app.thaw.evidence.integrity.CustodyChecks;
import app.thaw.evidence.item.DocumentMetadata;
import app.thaw.evidence.item.EvidenceId;
import app.thaw.evidence.item.Items;
import app.thaw.evidence.item.RejectionReason;
import app.thaw.evidence.item.RequirementCode;
import app.thaw.evidence.upload.UploadForm;
import app.thaw.evidence.verification.Verifications;
import app.thaw.platform.dashboard.DashboardPage;
import app.thaw.platform.dashboard.ThawDashboard;
import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.InvalidField;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The evidence dashboard: the review queue (preview, accept / reject), a case's evidence page
 * (items, custody log and its verification, legal holds, upload). Every read and write goes
 * through the same application services as the API, with the caller from the relayed token;
 * {@link ReviewDesk} adds the dashboard's one rule (compliance cases for compliance staff only).
 * Writes come from htmx and answer with the fragment to swap; a refusal answers with its status
 * and a message in the page's language.
 */
@ThawDashboard
@RequestMapping("/dashboard/evidence")
class EvidenceDashboardController {

    static final int QUEUE_PAGE = 20;
    static final int CUSTODY_PAGE = 100;
    static final int ITEMS_PAGE = 200;
    private static final String BASE = "/dashboard/evidence";

    private final ReviewDesk desk;
    private final Items items;
    private final Verifications verifications;
    private final Downloads downloads;
    private final CustodyChecks checks;
    private final Holds holds;
    private final UploadForm uploads;
    private final DashboardFormat format = new DashboardFormat();

    EvidenceDashboardController(
            ReviewDesk desk,
            Items items,
            Verifications verifications,
            Downloads downloads,
            CustodyChecks checks,
            Holds holds,
            UploadForm uploads) {
        this.desk = desk;
        this.items = items;
        this.verifications = verifications;
        this.downloads = downloads;
        this.checks = checks;
        this.holds = holds;
        this.uploads = uploads;
    }

    @ModelAttribute("fmt")
    DashboardFormat format() {
        return format;
    }

    // ---- review queue ----

    @GetMapping({"", "/"})
    Mono<String> queue(
            @RequestParam(required = false) @Nullable String caseId,
            @RequestParam(required = false) @Nullable String requirement,
            @RequestParam(required = false) @Nullable String expired,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        ReviewDesk.Filter filter = new ReviewDesk.Filter(
                blank(caseId) ? null : new CaseId(caseId.trim()),
                blank(requirement)
                        ? null
                        : RequirementCode.parse(requirement)
                                .orElseThrow(() -> new InvalidField("requirement", "OneOf", "not a catalogue code")),
                "true".equals(expired) ? Boolean.TRUE : "false".equals(expired) ? Boolean.FALSE : null);
        int pageNumber = Math.max(0, page);
        return CurrentCaller.get()
                .flatMap(caller -> desk.queue(caller, filter, pageNumber, QUEUE_PAGE)
                        .zipWith(
                                filter.caseId() == null
                                        ? Mono.just(Optional.<CaseLabels.Label>empty())
                                        : desk.openableLabel(caller, filter.caseId()))
                        .map(pageAndLink -> {
                            ReviewDesk.Page found = pageAndLink.getT1();
                            model.addAttribute("queue", found);
                            // The filtered case's evidence page, named by its number and holder (its id only while
                            // case-service's events have not told them).
                            model.addAttribute("caseLink", pageAndLink.getT2().orElse(null));
                            model.addAttribute(
                                    "filter",
                                    Map.of(
                                            "caseId",
                                            blank(caseId) ? "" : caseId.trim(),
                                            "requirement",
                                            filter.requirement() == null
                                                    ? ""
                                                    : filter.requirement().name(),
                                            "expired",
                                            filter.expired() == null
                                                    ? ""
                                                    : filter.expired().toString()));
                            model.addAttribute("canDecide", canDecide(caller));
                            return "evidence/queue";
                        }));
    }

    /** The stored content, shown inline in the queue: only images, PDF and plain text, typed as detected on upload, recorded as VIEWED. */
    @GetMapping("/items/{id}/preview")
    @ResponseBody
    Mono<Void> preview(@PathVariable String id, ServerHttpResponse response) {
        EvidenceId evidenceId = new EvidenceId(id);
        return CurrentCaller.get()
                .flatMap(caller -> desk.openItem(caller, evidenceId).then(items.view(caller, evidenceId)))
                .flatMap(item -> {
                    item.requireLive();
                    if (!format.previewable(item.contentType())) {
                        return Mono.error(new ThawProblem(
                                HttpStatus.NOT_FOUND, "not_found", "No preview for " + item.contentType()));
                    }
                    HttpHeaders headers = response.getHeaders();
                    headers.set("X-Content-Type-Options", "nosniff");
                    // The queue frames PDFs; nothing else may (the default is DENY, which would block our own frame).
                    headers.set("X-Frame-Options", "SAMEORIGIN");
                    headers.setContentType(MediaType.parseMediaType(item.contentType()));
                    if (DashboardFormat.baseType(item.contentType()).startsWith("text/")) {
                        // Text is framed as text: whatever it holds runs nothing (a sandboxed frame, no sources).
                        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
                    }
                    headers.setContentDisposition(ContentDisposition.inline()
                            .filename(item.fileName(), StandardCharsets.UTF_8)
                            .build());
                    headers.setCacheControl("private, no-store");
                    headers.setContentLength(item.size());
                    return response.writeWith(downloads.content(item, 0, item.size() - 1, response.bufferFactory()));
                });
    }

    @PostMapping("/items/{id}/verdict")
    Mono<String> decide(@PathVariable String id, ServerWebExchange exchange, Model model) {
        EvidenceId evidenceId = new EvidenceId(id);
        return fields(exchange)
                .flatMap(form -> CurrentCaller.get().flatMap(caller -> {
                    Verifications.Decision decision = decision(form);
                    return desk.openItem(caller, evidenceId).then(verifications.decide(caller, evidenceId, decision));
                }))
                .map(item -> {
                    model.addAttribute("item", item);
                    return "evidence/fragments :: decided";
                });
    }

    // ---- a case's evidence ----

    @GetMapping("/cases/{caseId}")
    Mono<String> caseFile(@PathVariable String caseId, @RequestParam(defaultValue = "0") long after, Model model) {
        return CurrentCaller.get()
                .flatMap(caller -> desk.openCase(caller, new CaseId(caseId))
                        .flatMap(file -> Mono.zip(
                                        items.list(caller, file.caseId(), null, ITEMS_PAGE)
                                                .collectList(),
                                        desk.custody(file, Math.max(0, after), CUSTODY_PAGE),
                                        desk.label(file))
                                .map(found -> {
                                    casePage(model, caller, file);
                                    model.addAttribute("caseLabel", found.getT3());
                                    model.addAttribute("items", found.getT1());
                                    model.addAttribute("custody", found.getT2());
                                    model.addAttribute(
                                            "custodyNext",
                                            found.getT2().size() < CUSTODY_PAGE
                                                    ? null
                                                    : found.getT2().getLast().seq());
                                    return "evidence/case";
                                })));
    }

    @GetMapping("/cases/{caseId}/custody/verify")
    Mono<String> verify(@PathVariable String caseId, Model model) {
        return CurrentCaller.get()
                .flatMap(caller -> desk.openCase(caller, new CaseId(caseId)).flatMap(checks::verify))
                .map(report -> {
                    model.addAttribute("report", report);
                    return "evidence/fragments :: verification";
                });
    }

    @PostMapping("/cases/{caseId}/holds")
    Mono<String> placeHold(@PathVariable String caseId, ServerWebExchange exchange, Model model) {
        return fields(exchange)
                .flatMap(form -> CurrentCaller.get().flatMap(caller -> {
                    String reason = reason(form);
                    return desk.openCase(caller, new CaseId(caseId))
                            .then(holds.place(caller, new CaseId(caseId), reason))
                            .map(file -> holdsFragment(model, caller, file));
                }));
    }

    @PostMapping("/cases/{caseId}/holds/{holdId}/release")
    Mono<String> releaseHold(
            @PathVariable String caseId, @PathVariable String holdId, ServerWebExchange exchange, Model model) {
        return fields(exchange)
                .flatMap(form -> CurrentCaller.get().flatMap(caller -> {
                    String reason = reason(form);
                    return desk.openCase(caller, new CaseId(caseId))
                            .then(holds.release(caller, new CaseId(caseId), holdId, reason))
                            .map(file -> holdsFragment(model, caller, file));
                }));
    }

    /** The upload form, streamed as it arrives (fields first, the file last); answers the result and the refreshed item list. */
    @PostMapping(path = "/cases/{caseId}/items", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> upload(@PathVariable String caseId, @RequestBody Flux<PartEvent> parts, Model model) {
        CaseId id = new CaseId(caseId);
        return CurrentCaller.get()
                .flatMap(caller -> desk.openCase(caller, id)
                        .then(uploads.receive(caller, id, Map.of(), parts))
                        .flatMap(outcome -> items.list(caller, id, null, ITEMS_PAGE)
                                .collectList()
                                .map(all -> {
                                    model.addAttribute("outcome", outcome);
                                    model.addAttribute("items", all);
                                    model.addAttribute("caseId", caseId);
                                    return "evidence/fragments :: uploaded";
                                })));
    }

    // ---- refusals ----

    /**
     * A refusal in the page's language: for htmx, the message alone with its status (the page's
     * script swaps 4xx answers into the form's message area); otherwise a page.
     */
    @ExceptionHandler(ThawProblem.class)
    Mono<String> refused(ThawProblem problem, ServerWebExchange exchange, Locale locale, Model model) {
        exchange.getResponse().setStatusCode(problem.status());
        model.addAttribute("problem", problem);
        model.addAttribute("field", field(problem));
        if (exchange.getRequest().getHeaders().containsHeader("HX-Request")) {
            return Mono.just("evidence/fragments :: problem");
        }
        model.addAttribute("fmt", format);
        return CurrentCaller.get()
                .map(caller -> caller.username() != null ? caller.username() : caller.subject())
                .onErrorReturn("")
                .defaultIfEmpty("")
                .map(user -> {
                    model.addAttribute(
                            "dashboard",
                            new DashboardPage(
                                    "evidence",
                                    BASE,
                                    locale.toLanguageTag(),
                                    user,
                                    exchange.getRequest()
                                            .getPath()
                                            .pathWithinApplication()
                                            .value(),
                                    exchange.getRequest().getURI().getRawQuery()));
                    return "evidence/problem";
                });
    }

    private static @Nullable String field(ThawProblem problem) {
        if (problem.properties().get("errors") instanceof List<?> errors
                && !errors.isEmpty()
                && errors.getFirst() instanceof FieldViolation violation) {
            return violation.field();
        }
        return null;
    }

    // ---- helpers ----

    /**
     * A write's fields. The pages send them as multipart: the gateway's CSRF check reads an
     * urlencoded body to look for the token, which leaves nothing for the gateway to relay, while
     * it leaves a multipart body alone (the token travels in the header). Urlencoded is read too.
     */
    private static Mono<MultiValueMap<String, String>> fields(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            return exchange.getFormData();
        }
        return exchange.getMultipartData().map(parts -> {
            MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
            parts.forEach((name, values) -> values.forEach(part -> {
                if (part instanceof FormFieldPart field) {
                    fields.add(name, field.value());
                }
            }));
            return fields;
        });
    }

    private void casePage(Model model, Caller caller, CaseFile file) {
        model.addAttribute("caseFile", file);
        model.addAttribute("canHold", canHold(caller));
        model.addAttribute("canDecide", canDecide(caller));
    }

    private String holdsFragment(Model model, Caller caller, CaseFile file) {
        casePage(model, caller, file);
        return "evidence/fragments :: holds";
    }

    private static boolean canDecide(Caller caller) {
        return caller.hasAnyRole(ThawRoles.STAFF_AGENT, ThawRoles.STAFF_SUPERVISOR, ThawRoles.COMPLIANCE_OFFICER);
    }

    private static boolean canHold(Caller caller) {
        return caller.hasAnyRole(ThawRoles.COMPLIANCE_OFFICER, ThawRoles.PLATFORM_ADMIN);
    }

    private static Verifications.Decision decision(MultiValueMap<String, String> form) {
        String decision = form.getFirst("decision");
        if (!"ACCEPT".equals(decision) && !"REJECT".equals(decision)) {
            throw new InvalidField("decision", "OneOf", "ACCEPT or REJECT");
        }
        boolean accept = decision.equals("ACCEPT");
        RejectionReason reason = null;
        String reasonCode = form.getFirst("reasonCode");
        if (!accept) {
            if (blank(reasonCode)) {
                throw new InvalidField("reasonCode", "NotNull", "a rejection names its reason code");
            }
            reason = java.util.Arrays.stream(RejectionReason.values())
                    .filter(value -> value.name().equals(reasonCode))
                    .findFirst()
                    .orElseThrow(() -> new InvalidField("reasonCode", "OneOf", "not a rejection reason"));
        }
        String note = limited(form, "note", 2000);
        LocalDate expiry;
        try {
            expiry = blank(form.getFirst("expiryDate"))
                    ? null
                    : app.thaw.platform.web.RequestDates.inWindow(
                            "expiryDate",
                            LocalDate.parse(form.getFirst("expiryDate").trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidField("expiryDate", "IsoDate", "use an ISO date such as 2027-03-31");
        }
        Long version;
        try {
            version = blank(form.getFirst("version"))
                    ? null
                    : Long.valueOf(form.getFirst("version").trim());
        } catch (NumberFormatException e) {
            throw new InvalidField("version", "Number", "a whole number");
        }
        return new Verifications.Decision(
                accept,
                reason,
                note,
                new DocumentMetadata(limited(form, "documentType", 100), limited(form, "nameOnDocument", 200), expiry),
                version);
    }

    private static String reason(MultiValueMap<String, String> form) {
        String reason = limited(form, "reason", 500);
        if (reason == null) {
            throw new InvalidField("reason", "NotBlank", "say why");
        }
        return reason;
    }

    /** The trimmed value, null when blank; refused beyond {@code max} characters. */
    private static @Nullable String limited(MultiValueMap<String, String> form, String field, int max) {
        String value = form.getFirst(field);
        if (blank(value)) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidField(field, "Size", "at most " + max + " characters");
        }
        return value.trim();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}

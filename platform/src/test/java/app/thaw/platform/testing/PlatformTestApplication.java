package app.thaw.platform.testing;

import java.net.URI;
import java.util.Map;

import app.thaw.platform.idempotency.IdempotentEffects;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.CurrentCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A minimal service on the platform, with endpoints that fail in each way the platform must answer
 * and endpoints that create countable things (for Idempotency-Key).
 */
@SpringBootApplication
@EnableReactiveMethodSecurity
public class PlatformTestApplication {

    /** A staff dashboard page on the shared layout. */
    @app.thaw.platform.dashboard.ThawDashboard
    static class TestDashboard {

        @GetMapping("/dashboard/test/")
        String home(
                @org.springframework.web.bind.annotation.RequestParam(required = false) String status,
                org.springframework.ui.Model model) {
            model.addAttribute("due", "2026-01-01T00:00:00Z");
            model.addAttribute("dueAt", java.time.Instant.parse("2026-01-01T00:00:00Z"));
            model.addAttribute("statuses", java.time.DayOfWeek.values());
            model.addAttribute("status", status);
            return "test-dashboard";
        }
    }

    /** A sensitive read that is audited. */
    @RestController
    static class AuditedEndpoints {

        private final app.thaw.platform.audit.AuditLog audit;

        AuditedEndpoints(app.thaw.platform.audit.AuditLog audit) {
            this.audit = audit;
        }

        @GetMapping("/api/v1/test/audited-notes/{id}")
        Mono<String> read(@org.springframework.web.bind.annotation.PathVariable String id) {
            return audit.record("note.viewed", "note", id, Map.of("reason", "support call"))
                    .thenReturn("ok");
        }
    }

    @RestController
    static class FailingEndpoints {

        record Note(@NotBlank String title, @Size(max = 10) String body) {}

        @PostMapping("/api/v1/test/notes")
        Mono<Note> create(@Valid @RequestBody Note note) {
            return Mono.just(note);
        }

        record Stop(java.time.Instant at, java.time.@org.jspecify.annotations.Nullable LocalDate day) {}

        record Trip(
                @NotBlank String title,
                java.time.@org.jspecify.annotations.Nullable OffsetDateTime startsAt,
                java.util.@org.jspecify.annotations.Nullable List<Stop> stops,
                java.util.@org.jspecify.annotations.Nullable Map<String, Object> extra) {}

        /** Dates and nesting, to show what a strict request refuses. */
        @PostMapping("/api/v1/test/trips")
        Mono<Trip> trip(@Valid @RequestBody Trip trip) {
            return Mono.just(trip);
        }

        /** Dates from the query (bound) and from a form (read by hand), for the date window beyond JSON bodies (ADR 58). */
        @GetMapping("/api/v1/test/dated")
        Mono<Map<String, String>> dated(
                @RequestParam(name = "from", required = false)
                        java.time.@org.jspecify.annotations.Nullable Instant since,
                @RequestParam(required = false) java.time.@org.jspecify.annotations.Nullable LocalDate day,
                @RequestParam(required = false) java.time.@org.jspecify.annotations.Nullable YearMonth month) {
            return Mono.just(
                    Map.of("from", String.valueOf(since), "day", String.valueOf(day), "month", String.valueOf(month)));
        }

        record DatedForm(java.time.@org.jspecify.annotations.Nullable LocalDate due) {}

        @PostMapping(path = "/api/v1/test/dated-forms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        Mono<Map<String, String>> datedForm(
                @org.springframework.web.bind.annotation.ModelAttribute DatedForm bound, ServerWebExchange exchange) {
            return exchange.getFormData().map(form -> {
                String text = form.getFirst("startsAt");
                java.time.Instant startsAt = app.thaw.platform.web.RequestDates.inWindow(
                        "startsAt", text == null ? null : java.time.Instant.parse(text));
                return Map.of("due", String.valueOf(bound.due()), "startsAt", String.valueOf(startsAt));
            });
        }

        @GetMapping("/api/v1/test/closed-case")
        Mono<String> namedFailure() {
            return Mono.error(new ThawProblem(
                    HttpStatus.CONFLICT,
                    "case_already_closed",
                    "The case is closed.",
                    Map.of("currentState", "CLOSED"),
                    null));
        }

        @GetMapping("/api/v1/test/boom")
        Mono<String> unexpected() {
            return Mono.error(new IllegalStateException("secret internal detail"));
        }

        @GetMapping("/api/v1/test/admin-only")
        @PreAuthorize("hasRole('platform_admin')")
        Mono<String> adminOnly() {
            return Mono.just("ok");
        }
    }

    /**
     * Creating endpoints whose effects can be counted: each widget created is one document in
     * {@code widgets}, with a fresh id that shows in the response, so two runs never answer alike.
     */
    @RestController
    static class WidgetEndpoints {

        static final String WIDGETS = "widgets";

        private final ReactiveMongoTemplate mongo;

        WidgetEndpoints(ReactiveMongoTemplate mongo) {
            this.mongo = mongo;
        }

        record NewWidget(@NotBlank String name) {}

        record Widget(String id, String tenant, String name, String padding) {}

        @PostMapping("/api/v1/test/widgets")
        Mono<ResponseEntity<Widget>> create(@Valid @RequestBody NewWidget widget) {
            return created(widget.name(), "");
        }

        /** The first attempt for a name fails with 500 before creating anything; later ones create. */
        @PostMapping("/api/v1/test/flaky-widgets")
        Mono<ResponseEntity<Widget>> createAfterAFailure(@Valid @RequestBody NewWidget widget) {
            return mongo.findAndModify(
                            Query.query(Criteria.where("_id").is(widget.name())),
                            new Update().inc("attempts", 1),
                            FindAndModifyOptions.options().upsert(true).returnNew(true),
                            Document.class,
                            "attempts")
                    .flatMap(attempts -> attempts.getInteger("attempts") == 1
                            ? Mono.error(new IllegalStateException("the first attempt fails"))
                            : created(widget.name(), ""));
        }

        /** A widget whose response carries {@code size} bytes of padding. */
        @PostMapping("/api/v1/test/big-widgets")
        Mono<ResponseEntity<Widget>> createBig(@Valid @RequestBody NewWidget widget, @RequestParam int size) {
            return created(widget.name(), "x".repeat(size));
        }

        @PostMapping("/api/v1/test/admin-widgets")
        @PreAuthorize("hasRole('platform_admin')")
        Mono<ResponseEntity<Widget>> createAsAdmin(@Valid @RequestBody NewWidget widget) {
            return created(widget.name(), "");
        }

        /** Creates the widget, then takes {@code delayMs} to answer: a client may give up in between. */
        @PostMapping("/api/v1/test/slow-widgets")
        Mono<ResponseEntity<Widget>> createSlowly(@Valid @RequestBody NewWidget widget, @RequestParam long delayMs) {
            return created(widget.name(), "").delayElement(java.time.Duration.ofMillis(delayMs));
        }

        /**
         * Creates once per Idempotency-Key, the way the services' creating handlers do: the widget's id
         * derives from the key ({@link IdempotentEffects}), so a second run finds the first one's widget.
         */
        @PostMapping("/api/v1/test/keyed-widgets")
        Mono<ResponseEntity<Widget>> createKeyed(@Valid @RequestBody NewWidget widget) {
            return CurrentCaller.tenantId()
                    .flatMap(tenant -> IdempotentEffects.once(
                            "widget",
                            () -> new ObjectId().toHexString(),
                            id -> mongo.findById(id, Document.class, WIDGETS),
                            id -> mongo.insert(
                                    new Document("_id", id)
                                            .append("tenant", tenant)
                                            .append("name", widget.name()),
                                    WIDGETS)))
                    .map(saved -> ResponseEntity.created(URI.create("/api/v1/test/widgets/" + saved.get("_id")))
                            .body(new Widget(
                                    String.valueOf(saved.get("_id")), saved.getString("tenant"), widget.name(), "")));
        }

        @PostMapping(path = "/api/v1/test/form-widgets", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        Mono<ResponseEntity<Widget>> createFromForm(ServerWebExchange exchange) {
            return exchange.getFormData().flatMap(form -> created(String.valueOf(form.getFirst("name")), ""));
        }

        private Mono<ResponseEntity<Widget>> created(String name, String padding) {
            return CurrentCaller.tenantId()
                    .flatMap(tenant -> mongo.insert(new Document("tenant", tenant).append("name", name), WIDGETS))
                    .map(saved -> new Widget(
                            saved.getObjectId("_id").toHexString(), saved.getString("tenant"), name, padding))
                    .map(created -> ResponseEntity.created(URI.create("/api/v1/test/widgets/" + created.id()))
                            .eTag("\"1\"")
                            .body(created));
        }
    }

    /** Operations that declare their roles (ADR 51); the controller's list holds where a method names none. */
    @RestController
    @app.thaw.platform.security.AllowedRoles({"merchant_admin", "staff_supervisor"})
    static class DeclaredRolesEndpoints {

        record Memo(@NotBlank String title) {}

        @GetMapping("/api/v1/test/declared/memos")
        Mono<String> list() {
            return Mono.just("memos");
        }

        @PostMapping("/api/v1/test/declared/memos")
        @app.thaw.platform.security.AllowedRoles("platform_admin")
        Mono<Memo> create(@Valid @RequestBody Memo memo) {
            return Mono.just(memo);
        }

        @GetMapping("/api/v1/test/declared/everyone")
        @app.thaw.platform.security.AllowedRoles(app.thaw.platform.security.AllowedRoles.ANY_USER)
        Mono<String> everyone() {
            return Mono.just("hello");
        }
    }
}

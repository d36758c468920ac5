package app.thaw.monitor.ingestion.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import app.thaw.monitor.access.Roles;
import app.thaw.monitor.ingestion.BatchTooLarge;
import app.thaw.monitor.ingestion.LineResult;
import app.thaw.monitor.ingestion.SignalInput;
import app.thaw.monitor.ingestion.SignalRejected;
import app.thaw.monitor.ingestion.SignalService;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.Signals;
import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.JsonFieldProblems;
import app.thaw.platform.security.AllowedRoles;
import app.thaw.platform.security.CurrentCaller;
import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.store.CursorPage;
import app.thaw.platform.web.StrictJson;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/monitor/signals")
class SignalController {

    static final int MAX_LINES = 10_000;
    /** One NDJSON line may be this long; the whole batch streams and is never held as one buffer. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    /** The whole batch is held while it is validated and stored: bounded, whatever the line count. */
    static final long MAX_BATCH_CHARS = 16L * 1024 * 1024;

    private final SignalService signals;
    private final JsonMapper json;
    private final StringDecoder lines;

    SignalController(SignalService signals, JsonMapper json) {
        this.signals = signals;
        // Each line is read as strictly as any request body (ADR 55): unknown fields and dates outside 1970–2100 are
        // named.
        this.json = StrictJson.forRequests(json);
        this.lines = StringDecoder.textPlainOnly(List.of("\n"), true);
        this.lines.setMaxInMemorySize(MAX_LINE_BYTES);
    }

    @Operation(summary = "Push one signal: 202 accepted, 200 if this source signal id was already received")
    @PostMapping(consumes = "application/json")
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN})
    Mono<ResponseEntity<LineResult>> one(@RequestBody SignalInput input) {
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.SUBSCRIBER))
                .flatMap(caller -> signals.ingest(caller, List.of(new SignalService.ParsedLine(1, input, List.of()))))
                .map(List::getFirst)
                .flatMap(result -> switch (result.result()) {
                    case invalid -> Mono.error(new SignalRejected(result.errors()));
                    case duplicate -> Mono.just(ResponseEntity.ok(result));
                    case accepted ->
                        Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED).body(result));
                });
    }

    @Operation(
            summary =
                    "Push up to 10,000 signals as NDJSON (one JSON object a line); answers per line: accepted, duplicate or invalid with the reason")
    @PostMapping(
            path = "/batch",
            consumes = {"application/x-ndjson", "application/jsonl"})
    @AllowedRoles({ThawRoles.PARTNER_BANK, ThawRoles.MERCHANT_ADMIN, ThawRoles.PLATFORM_ADMIN})
    Mono<BatchResponse> batch(@RequestBody Flux<DataBuffer> body) {
        AtomicInteger lineNumber = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong chars = new java.util.concurrent.atomic.AtomicLong();
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.SUBSCRIBER))
                .flatMap(caller -> lines.decode(body, ResolvableType.forClass(String.class), null, Map.of())
                        .handle((String line, reactor.core.publisher.SynchronousSink<String> sink) -> {
                            if (chars.addAndGet(line.length()) > MAX_BATCH_CHARS) {
                                sink.error(new app.thaw.platform.problem.ThawProblem(
                                        HttpStatus.CONTENT_TOO_LARGE,
                                        "payload_too_large",
                                        "A batch may be at most " + MAX_BATCH_CHARS / (1024 * 1024)
                                                + " MiB; split it. Nothing of this batch was stored."));
                            } else {
                                sink.next(line);
                            }
                        })
                        .map(line -> new NumberedLine(lineNumber.incrementAndGet(), line))
                        .filter(line -> !line.text().isBlank())
                        .take(MAX_LINES + 1L)
                        .collectList()
                        .flatMap(all -> all.size() > MAX_LINES
                                ? Mono.error(new BatchTooLarge(MAX_LINES))
                                : signals.ingest(
                                        caller, all.stream().map(this::parse).toList())))
                .map(BatchResponse::of);
    }

    @Operation(summary = "Signals matched to a subject, newest first, paged by cursor")
    @GetMapping
    @AllowedRoles(AllowedRoles.ANY_USER)
    Mono<CursorPage<Map<String, Object>>> forSubject(
            @RequestParam String subjectId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        CursorPage.Request page = CursorPage.Request.of(cursor, limit);
        return CurrentCaller.get()
                .map(caller -> Roles.require(caller, Roles.READER))
                .flatMapMany(caller -> signals.forSubject(caller, subjectId, page.cursor(), page.limit() + 1))
                .map(SignalController::view)
                .collectList()
                .map(all -> page.page(all, view -> (String) view.get("id")));
    }

    private SignalService.ParsedLine parse(NumberedLine line) {
        try {
            return new SignalService.ParsedLine(
                    line.number(), json.readValue(line.text(), SignalInput.class), List.of());
        } catch (DatabindException e) {
            var named = JsonFieldProblems.violation(e);
            if (named.isPresent()) {
                return new SignalService.ParsedLine(line.number(), null, List.of(named.get()));
            }
            String field = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return new SignalService.ParsedLine(
                    line.number(),
                    null,
                    List.of(new FieldViolation(
                            field.isEmpty() ? "line" : field, "Type", "has the wrong JSON type or shape")));
        } catch (JacksonException e) {
            // The parser's message quotes the input, which may hold an identifier: say only where it broke.
            return new SignalService.ParsedLine(
                    line.number(),
                    null,
                    List.of(new FieldViolation(
                            "line",
                            "Json",
                            "is not a valid JSON object (column "
                                    + e.getLocation().getColumnNr() + ")")));
        }
    }

    private static Map<String, Object> view(Signals.Received received) {
        Signal signal = received.signal();
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", signal.id());
        view.put("signalId", signal.sourceSignalId());
        view.put("type", signal.type().name());
        view.put("occurredAt", signal.occurredAt());
        view.put("receivedAt", received.receivedAt());
        putPresent(view, "device", signal.device());
        putPresent(view, "ip", signal.ip());
        putPresent(view, "institution", signal.institution());
        putPresent(view, "amount", signal.amount());
        putPresent(view, "channel", signal.channel());
        putPresent(view, "location", signal.location());
        return view;
    }

    private static void putPresent(Map<String, Object> view, String key, @Nullable Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }

    record NumberedLine(int number, String text) {}

    record BatchResponse(int accepted, int duplicate, int invalid, List<LineResult> results) {

        static BatchResponse of(List<LineResult> results) {
            int[] counts = new int[3];
            List<LineResult> ordered = new ArrayList<>(results);
            for (LineResult r : ordered) {
                counts[r.result().ordinal()]++;
            }
            return new BatchResponse(counts[0], counts[1], counts[2], ordered);
        }
    }
}

package app.thaw.evidence.upload.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import app.thaw.evidence.domain.CaseId;
import app.thaw.evidence.domain.DocumentMetadata;
import app.thaw.evidence.domain.RequirementCode;
import app.thaw.evidence.item.InvalidField;
import app.thaw.evidence.item.web.ItemResponse;
import app.thaw.evidence.upload.Uploads;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploads. Both forms stream: the multipart form is read as part events (no part is buffered in
 * memory or on disk) and the raw form reads the request body as it arrives. Metadata goes in
 * query parameters, or in form fields placed before the {@code file} part.
 */
@RestController
@RequestMapping("/api/v1/evidence")
class UploadController {

    private static final String FILE_PART = "file";

    private final Uploads uploads;

    UploadController(Uploads uploads) {
        this.uploads = uploads;
    }

    @Operation(summary = "Upload a file as multipart/form-data: fields requirementCode, answers, documentType, "
            + "nameOnDocument, expiryDate (or query parameters), then the part 'file'. 201 with the item and its SHA-256; "
            + "200 with the existing item when the same content is already in the case")
    @PostMapping(path = "/cases/{caseId}/items", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ItemResponse>> multipart(@PathVariable String caseId, @RequestParam Map<String, String> query,
                                                 @RequestBody Flux<PartEvent> parts) {
        CaseId id = new CaseId(caseId);
        return CurrentCaller.get().flatMap(caller -> uploads.admit(caller, id, -1).then(Mono.defer(() -> {
            Map<String, String> fields = new ConcurrentHashMap<>(query);
            AtomicReference<Uploads.@Nullable Outcome> stored = new AtomicReference<>();
            return parts.windowUntil(PartEvent::isLast)
                    .concatMap(part -> part.switchOnFirst((first, events) -> {
                        PartEvent event = first.get();
                        if (event instanceof FilePartEvent file && file.name().equals(FILE_PART)) {
                            if (stored.get() != null) {
                                return Mono.error(new InvalidField(FILE_PART, "Single", "send one file per upload"));
                            }
                            Uploads.Upload upload = upload(id, fields, file.filename(),
                                    file.headers().getContentType() == null ? null : file.headers().getContentType().toString(), -1);
                            return uploads.upload(caller, upload, events.map(PartEvent::content)).doOnNext(stored::set).then();
                        }
                        if (event instanceof FormPartEvent form) {
                            fields.put(form.name(), form.value());
                        }
                        return events.doOnNext(each -> DataBufferUtils.release(each.content())).then();
                    }))
                    .then(Mono.fromSupplier(() -> stored.get()))
                    .switchIfEmpty(Mono.error(() -> new InvalidField(FILE_PART, "NotNull", "the form has no part named 'file'")))
                    .map(UploadController::respond);
        })));
    }

    @Operation(summary = "Upload a file as the raw request body (any Content-Type but multipart); requirementCode and "
            + "fileName as query parameters or the file name in Content-Disposition. 201 with the item and its SHA-256")
    @PostMapping(path = "/cases/{caseId}/items", consumes = "!" + MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ItemResponse>> raw(@PathVariable String caseId, @RequestParam Map<String, String> query,
                                           ServerHttpRequest request) {
        CaseId id = new CaseId(caseId);
        ContentDisposition disposition = request.getHeaders().getContentDisposition();
        String fileName = query.getOrDefault("fileName", disposition.getFilename());
        MediaType type = request.getHeaders().getContentType();
        long length = request.getHeaders().getContentLength();
        return CurrentCaller.get().flatMap(caller -> start(caller, id, length)
                .then(Mono.defer(() -> uploads.upload(caller, upload(id, query, fileName, type == null ? null : type.toString(), length),
                        request.getBody())))
                .map(UploadController::respond));
    }

    /** Refuses an announced oversize body before reading any of it. */
    private Mono<Void> start(Caller caller, CaseId caseId, long length) {
        return uploads.admit(caller, caseId, length);
    }

    private static Uploads.Upload upload(CaseId caseId, Map<String, String> fields, @Nullable String fileName,
                                         @Nullable String declaredType, long length) {
        String code = fields.get("requirementCode");
        if (code == null || code.isBlank()) {
            throw new InvalidField("requirementCode", "NotBlank",
                    "name the requirement this file answers (a query parameter, or a form field before the file)");
        }
        RequirementCode requirement = RequirementCode.parse(code).orElseThrow(() -> new InvalidField("requirementCode",
                "OneOf", "not a catalogue code (DOMAIN §5), e.g. ID_DOCUMENT, BANK_STATEMENT"));
        String answers = limited(fields, "answers", 500);
        DocumentMetadata metadata = null;
        String expiry = fields.get("expiryDate");
        if (expiry != null || fields.containsKey("documentType") || fields.containsKey("nameOnDocument")) {
            LocalDate expiryDate;
            try {
                expiryDate = expiry == null || expiry.isBlank() ? null : LocalDate.parse(expiry);
            } catch (DateTimeParseException e) {
                throw new InvalidField("expiryDate", "IsoDate", "use an ISO date such as 2027-03-31");
            }
            metadata = new DocumentMetadata(limited(fields, "documentType", 100), limited(fields, "nameOnDocument", 200), expiryDate);
        }
        return new Uploads.Upload(caseId, requirement, answers, fileName, declaredType, length, metadata);
    }

    private static @Nullable String limited(Map<String, String> fields, String field, int max) {
        String value = fields.get(field);
        if (value != null && value.length() > max) {
            throw new InvalidField(field, "Size", "at most " + max + " characters");
        }
        return value;
    }

    private static ResponseEntity<ItemResponse> respond(Uploads.Outcome outcome) {
        ItemResponse body = ItemResponse.of(outcome.item());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/v1/evidence/items/" + body.id())).body(body)
                : ResponseEntity.status(HttpStatus.OK).header("Location", "/api/v1/evidence/items/" + body.id()).body(body);
    }
}

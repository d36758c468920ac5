package app.thaw.evidence.upload.web;

import java.net.URI;
import java.util.Map;

import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.item.web.ItemResponse;
import app.thaw.evidence.upload.UploadForm;
import app.thaw.evidence.upload.Uploads;
import app.thaw.platform.security.Caller;
import app.thaw.platform.security.CaseWriters;
import app.thaw.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    private final Uploads uploads;
    private final UploadForm form;

    UploadController(Uploads uploads, UploadForm form) {
        this.uploads = uploads;
        this.form = form;
    }

    @Operation(
            summary = "Upload a file as multipart/form-data: fields requirementCode, answers, documentType, "
                    + "nameOnDocument, expiryDate (or query parameters), then the part 'file'. 201 with the item and its SHA-256; "
                    + "200 with the existing item when the same content is already in the case")
    @PostMapping(path = "/cases/{caseId}/items", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @CaseWriters
    Mono<ResponseEntity<ItemResponse>> multipart(
            @PathVariable String caseId, @RequestParam Map<String, String> query, @RequestBody Flux<PartEvent> parts) {
        return CurrentCaller.get()
                .flatMap(caller -> form.receive(caller, new CaseId(caseId), query, parts))
                .map(UploadController::respond);
    }

    @Operation(
            summary =
                    "Upload a file as the raw request body (any Content-Type but multipart); requirementCode and "
                            + "fileName as query parameters or the file name in Content-Disposition. 201 with the item and its SHA-256")
    @PostMapping(path = "/cases/{caseId}/items", consumes = "!" + MediaType.MULTIPART_FORM_DATA_VALUE)
    @CaseWriters
    Mono<ResponseEntity<ItemResponse>> raw(
            @PathVariable String caseId, @RequestParam Map<String, String> query, ServerHttpRequest request) {
        CaseId id = new CaseId(caseId);
        ContentDisposition disposition = request.getHeaders().getContentDisposition();
        String fileName = query.getOrDefault("fileName", disposition.getFilename());
        MediaType type = request.getHeaders().getContentType();
        long length = request.getHeaders().getContentLength();
        return CurrentCaller.get()
                .flatMap(caller -> start(caller, id, length)
                        .then(Mono.defer(() -> uploads.upload(
                                caller,
                                UploadForm.upload(id, query, fileName, type == null ? null : type.toString(), length),
                                request.getBody())))
                        .map(UploadController::respond));
    }

    /** Refuses an announced oversize body before reading any of it. */
    private Mono<Void> start(Caller caller, CaseId caseId, long length) {
        return uploads.admit(caller, caseId, length);
    }

    private static ResponseEntity<ItemResponse> respond(Uploads.Outcome outcome) {
        ItemResponse body = ItemResponse.of(outcome.item());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/v1/evidence/items/" + body.id()))
                        .body(body)
                : ResponseEntity.status(HttpStatus.OK)
                        .header("Location", "/api/v1/evidence/items/" + body.id())
                        // Says what happened to this upload: the same file, now linked to its requirement too, or only
                        // a repeat.
                        .header("Thaw-Evidence-Outcome", outcome.linked() ? "linked" : "duplicate")
                        .body(body);
    }
}

package app.thaw.evidence.upload;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import app.thaw.evidence.casefile.CaseId;
import app.thaw.evidence.item.DocumentMetadata;
import app.thaw.evidence.item.RequirementCode;
import app.thaw.platform.problem.InvalidField;
import app.thaw.platform.security.Caller;
import app.thaw.platform.web.RequestDates;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An upload sent as a multipart form (the API's and the staff dashboard's): read as part events,
 * so no part is buffered in memory or on disk. The fields ({@code requirementCode}, {@code answers},
 * {@code documentType}, {@code nameOnDocument}, {@code expiryDate}) come before the part
 * {@value #FILE_PART}, or as query parameters.
 */
@Component
public class UploadForm {

    public static final String FILE_PART = "file";

    private final Uploads uploads;

    UploadForm(Uploads uploads) {
        this.uploads = uploads;
    }

    /** Streams the form's one file into the case; 400 validation_failed names a missing or wrong field. */
    public Mono<Uploads.Outcome> receive(
            Caller caller, CaseId caseId, Map<String, String> query, Flux<PartEvent> parts) {
        return uploads.admit(caller, caseId, -1).then(Mono.defer(() -> {
            Map<String, String> fields = new ConcurrentHashMap<>(query);
            AtomicReference<Uploads.@Nullable Outcome> stored = new AtomicReference<>();
            return parts.windowUntil(PartEvent::isLast)
                    .concatMap(part -> part.switchOnFirst((first, events) -> {
                        PartEvent event = first.get();
                        if (event instanceof FilePartEvent file && file.name().equals(FILE_PART)) {
                            if (stored.get() != null) {
                                return Mono.error(new InvalidField(FILE_PART, "Single", "send one file per upload"));
                            }
                            Uploads.Upload upload = upload(
                                    caseId,
                                    fields,
                                    file.filename(),
                                    file.headers().getContentType() == null
                                            ? null
                                            : file.headers().getContentType().toString(),
                                    -1);
                            return uploads.upload(caller, upload, events.map(PartEvent::content))
                                    .doOnNext(stored::set)
                                    .then();
                        }
                        if (event instanceof FormPartEvent form) {
                            fields.put(form.name(), form.value());
                        }
                        return events.doOnNext(each -> DataBufferUtils.release(each.content()))
                                .then();
                    }))
                    .then(Mono.fromSupplier(() -> stored.get()))
                    .switchIfEmpty(Mono.error(
                            () -> new InvalidField(FILE_PART, "NotNull", "the form has no part named 'file'")));
        }));
    }

    /** What arrived with the content, checked: a catalogue requirement code, ISO expiry date, bounded texts. */
    public static Uploads.Upload upload(
            CaseId caseId,
            Map<String, String> fields,
            @Nullable String fileName,
            @Nullable String declaredType,
            long length) {
        String code = fields.get("requirementCode");
        if (code == null || code.isBlank()) {
            throw new InvalidField(
                    "requirementCode",
                    "NotBlank",
                    "name the requirement this file answers (a query parameter, or a form field before the file)");
        }
        RequirementCode requirement = RequirementCode.parse(code)
                .orElseThrow(() -> new InvalidField(
                        "requirementCode",
                        "OneOf",
                        "not a catalogue code (docs/domain.md §5), e.g. ID_DOCUMENT, BANK_STATEMENT"));
        String answers = limited(fields, "answers", 500);
        DocumentMetadata metadata = null;
        String expiry = fields.get("expiryDate");
        if (expiry != null || fields.containsKey("documentType") || fields.containsKey("nameOnDocument")) {
            LocalDate expiryDate;
            try {
                // A form field or query parameter: the date window of ADR 55 holds here too (ADR 58).
                expiryDate = expiry == null || expiry.isBlank()
                        ? null
                        : RequestDates.inWindow("expiryDate", LocalDate.parse(expiry));
            } catch (DateTimeParseException e) {
                throw new InvalidField("expiryDate", "IsoDate", "use an ISO date such as 2027-03-31");
            }
            metadata = new DocumentMetadata(
                    limited(fields, "documentType", 100), limited(fields, "nameOnDocument", 200), expiryDate);
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
}

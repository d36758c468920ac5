package app.thaw.evidence.download.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import app.thaw.evidence.download.Downloads;
import app.thaw.evidence.item.EvidenceId;
import app.thaw.platform.problem.ThawProblem;
import app.thaw.platform.security.CaseWriters;
import app.thaw.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Downloads with HTTP ranges (one range per request; a multi-range request gets the whole file),
 * always as an attachment with a sanitised name and {@code nosniff}, so a browser never renders
 * an uploaded file as a page of Thaw.
 */
@RestController
@RequestMapping("/api/v1/evidence")
class ContentController {

    private final Downloads downloads;

    ContentController(Downloads downloads) {
        this.downloads = downloads;
    }

    @Operation(summary = "Download an item's content (supports Range: bytes=a-b); recorded in the custody log")
    @GetMapping("/items/{id}/content")
    @CaseWriters
    Mono<Void> content(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range,
            ServerHttpResponse response) {
        return CurrentCaller.get()
                .flatMap(caller -> downloads.open(caller, new EvidenceId(id), range == null ? "all" : range))
                .flatMap(item -> {
                    HttpHeaders headers = response.getHeaders();
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.setContentDisposition(ContentDisposition.attachment()
                            .filename(item.fileName(), StandardCharsets.UTF_8)
                            .build());
                    headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
                    headers.setCacheControl("private, no-store");
                    headers.setETag("\"" + item.sha256() + "\"");
                    headers.setContentType(MediaType.parseMediaType(item.contentType()));
                    long size = item.size();
                    long start = 0;
                    long end = size - 1;
                    List<HttpRange> ranges = parse(range);
                    if (ranges.size() == 1) {
                        HttpRange requested = ranges.getFirst();
                        if (size == 0 || requested.getRangeStart(size) >= size) {
                            headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                            return Mono.error(new ThawProblem(
                                    HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                                    "range_not_satisfiable",
                                    "The file has " + size + " bytes; the range asks beyond them."));
                        }
                        start = requested.getRangeStart(size);
                        end = requested.getRangeEnd(size);
                        response.setStatusCode(HttpStatus.PARTIAL_CONTENT);
                        headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
                    }
                    headers.setContentLength(Math.max(0, end - start + 1));
                    return response.writeWith(downloads.content(item, start, end, response.bufferFactory()));
                });
    }

    private static List<HttpRange> parse(@Nullable String range) {
        if (range == null) {
            return List.of();
        }
        try {
            return HttpRange.parseRanges(range);
        } catch (IllegalArgumentException e) {
            throw new ThawProblem(
                    HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "range_not_satisfiable",
                    "The Range header is not bytes=first-last: " + e.getMessage());
        }
    }
}

package app.thaw.cases.casework.web;

import java.net.URI;
import java.util.function.Function;

import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.problems.CaseProblems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/** Answers with a case: its body and its version as ETag, for the next conditional write. */
public final class CaseResponses {

    private CaseResponses() {}

    public static Mono<ResponseEntity<CaseResponse>> ok(Mono<IncidentCase> aCase) {
        return aCase.map(
                c -> ResponseEntity.ok().eTag(CaseProblems.etag(c.version())).body(CaseResponse.of(c)));
    }

    /**
     * Answers with the case as {@code change} leaves it, given the version the {@code If-Match}
     * header names (null when it names none); a malformed header is the answer's 400, raised inside it.
     */
    public static Mono<ResponseEntity<CaseResponse>> changed(
            @Nullable String ifMatch, Function<@Nullable Long, Mono<IncidentCase>> change) {
        return ok(Mono.defer(() -> change.apply(CaseProblems.ifMatch(ifMatch))));
    }

    public static Mono<ResponseEntity<CaseResponse>> created(Mono<IncidentCase> aCase) {
        return aCase.map(c -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/cases/" + c.id()))
                .eTag(CaseProblems.etag(c.version()))
                .body(CaseResponse.of(c)));
    }
}

package app.thaw.cases.casework.web;

import java.net.URI;

import app.thaw.cases.incident.IncidentCase;
import app.thaw.cases.problems.CaseProblems;
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

    public static Mono<ResponseEntity<CaseResponse>> created(Mono<IncidentCase> aCase) {
        return aCase.map(c -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/cases/" + c.id()))
                .eTag(CaseProblems.etag(c.version()))
                .body(CaseResponse.of(c)));
    }
}

package app.thaw.platform.testing;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A minimal service on the platform, with endpoints that fail in each way the platform must answer. */
@SpringBootApplication
@EnableReactiveMethodSecurity
public class PlatformTestApplication {

    @RestController
    static class FailingEndpoints {

        record Note(@NotBlank String title, @Size(max = 10) String body) {
        }

        @PostMapping("/api/v1/test/notes")
        Mono<Note> create(@Valid @RequestBody Note note) {
            return Mono.just(note);
        }

        @GetMapping("/api/v1/test/closed-case")
        Mono<String> namedFailure() {
            return Mono.error(new ThawProblem(HttpStatus.CONFLICT, "case_already_closed", "The case is closed.",
                    Map.of("currentState", "CLOSED"), null));
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
}

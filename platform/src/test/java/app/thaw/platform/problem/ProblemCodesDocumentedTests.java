package app.thaw.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;

class ProblemCodesDocumentedTests {

    @Test
    void everyCodeThePlatformAnswersIsListedInDocsProblems() throws IOException {
        String documented = Files.readString(Path.of("..", "docs", "problems.md"));
        assertThat(ProblemExceptionHandler.knownCodes())
                .allSatisfy(code -> assertThat(documented).contains("| `" + code + "` |"));
    }

    @Test
    void everyStatusWithAPlainCodeMapsToAKnownCode() {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503}) {
            assertThat(ProblemExceptionHandler.knownCodes())
                    .contains(ProblemExceptionHandler.codeFor(HttpStatusCode.valueOf(status)));
        }
    }
}

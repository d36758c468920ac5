package app.thaw.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every problem code the case service answers is in its section of docs/problems.md. */
class ProblemCodesDocumentedTests {

    @Test
    void everyCodeTheModuleDefinesIsDocumentedUnderCases() throws Exception {
        Set<String> codes = new TreeSet<>();
        Pattern code = Pattern.compile("\"([a-z]+(?:_[a-z]+)+)\"");
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("CaseRefusal") && !source.contains("ThawProblem")) {
                    continue;
                }
                Matcher m = code.matcher(source);
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        codes.retainAll(Set.of(knownCodes()));
        String docs = Files.readString(Path.of("../docs/problems.md"));
        String cases = docs.substring(docs.indexOf("## Cases"), docs.indexOf("## Evidence"));

        assertThat(codes).isNotEmpty();
        for (String c : codes) {
            assertThat(cases)
                    .as("docs/problems.md, section Cases, documents `%s`", c)
                    .contains("`" + c + "`");
        }
    }

    /** The codes this module throws (the scan above keeps only these, so no other string literal is mistaken for one). */
    static String[] knownCodes() {
        return List.of(
                        "illegal_transition",
                        "release_reference_required",
                        "review_required",
                        "review_incomplete",
                        "case_already_closed",
                        "unknown_case_item",
                        "triage_closed",
                        "invalid_resolution",
                        "rejection_reason_required",
                        "review_already_completed",
                        "pdf_font_unavailable",
                        "partner_not_linked")
                .toArray(String[]::new);
    }
}

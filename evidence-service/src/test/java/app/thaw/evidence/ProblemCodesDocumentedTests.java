package app.thaw.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import app.thaw.platform.problem.ThawProblem;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ProblemCodesDocumentedTests {

    @Test
    void everyProblemCodeThisServiceDefinesIsInDocsProblemsUnderEvidence() throws IOException, IllegalAccessException {
        String docs = Files.readString(Path.of("../docs/problems.md"));
        String section = docs.substring(docs.indexOf("## Evidence"), docs.indexOf("## Notifications"));
        List<String> codes = new ArrayList<>();
        for (JavaClass problem : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.thaw.evidence")
                .that(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "problems", (JavaClass javaClass) -> javaClass.isAssignableTo(ThawProblem.class)))) {
            for (Field field : problem.reflect().getDeclaredFields()) {
                if (field.getName().equals("CODE") && Modifier.isStatic(field.getModifiers())) {
                    codes.add((String) field.get(null));
                }
            }
        }
        assertThat(codes).contains("evidence_too_large", "evidence_type_not_allowed", "evidence_under_legal_hold");
        for (String code : codes) {
            assertThat(section)
                    .as("docs/problems.md, section Evidence, lists " + code)
                    .contains("| `" + code + "` |");
        }
        assertThat(section).contains("| `range_not_satisfiable` |");
    }
}

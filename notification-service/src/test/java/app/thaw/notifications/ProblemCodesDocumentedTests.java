package app.thaw.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import app.thaw.platform.problem.ThawProblem;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ProblemCodesDocumentedTests {

    @Test
    void everyProblemThisServiceDefinesNamesItsCodeAndTheCodeIsInDocsProblems() throws Exception {
        String documented = Files.readString(Path.of("..", "docs", "problems.md"));
        List<JavaClass> problems = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("app.thaw.notifications")
                        .stream()
                        .filter(type ->
                                type.isAssignableTo(ThawProblem.class) && !type.isEquivalentTo(ThawProblem.class))
                        .toList();
        assertThat(problems)
                .extracting(JavaClass::getSimpleName)
                .contains("UnsafeWebhookUrl", "InvalidTemplate", "DeliveryInProgress");
        for (JavaClass problem : problems) {
            Class<?> type = problem.reflect();
            String code = codeOf(type);
            assertThat(documented).as(type.getName() + " code " + code).contains("| `" + code + "` |");
        }
    }

    /** A problem's code is its own CODE constant, or that of the problem it extends. */
    private static String codeOf(Class<?> type) throws IllegalAccessException {
        for (Class<?> current = type; current != ThawProblem.class; current = current.getSuperclass()) {
            try {
                return (String) current.getField("CODE").get(null);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new AssertionError(type.getName() + " declares no CODE constant");
    }

    @Test
    void theNotificationSectionOfDocsProblemsIsWhereTheServiceCodesAre() throws IOException {
        String documented = Files.readString(Path.of("..", "docs", "problems.md"));
        String section =
                documented.substring(documented.indexOf("## Notifications"), documented.indexOf("## Monitoring"));
        assertThat(section).contains("`webhook_url_refused`", "`invalid_template`", "`delivery_in_progress`");
    }
}

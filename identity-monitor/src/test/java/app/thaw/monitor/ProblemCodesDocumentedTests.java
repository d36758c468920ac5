package app.thaw.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import app.thaw.monitor.alerts.AlertTransitionNotAllowed;
import app.thaw.monitor.ingestion.BatchTooLarge;
import app.thaw.monitor.rules.RuleLimitReached;
import app.thaw.monitor.subjects.SubjectQuotaExceeded;
import app.thaw.monitor.subjects.SubjectUnderLegalHold;
import org.junit.jupiter.api.Test;

class ProblemCodesDocumentedTests {

    @Test
    void everyCodeTheMonitorDefinesIsListedUnderItsHeadingInDocsProblems() throws IOException {
        String documented = Files.readString(Path.of("..", "docs", "problems.md"));
        String section = documented.substring(documented.indexOf("## Monitoring"));
        assertThat(List.of(
                        SubjectUnderLegalHold.CODE,
                        SubjectQuotaExceeded.CODE,
                        BatchTooLarge.CODE,
                        AlertTransitionNotAllowed.CODE,
                        RuleLimitReached.CODE,
                        app.thaw.monitor.screening.ListEntryNotFound.CODE,
                        app.thaw.monitor.subscription.QuotaExceeded.CODE,
                        app.thaw.monitor.tenants.TenantConflict.CODE,
                        app.thaw.monitor.tenants.OnboardingIncomplete.CODE))
                .allSatisfy(code -> assertThat(section).contains("| `" + code + "` |"));
    }
}

package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.checklistItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./thaw demo}: the seed program (infra/demo/DemoSeed.java, run by the JDK's source
 * launcher as the runner does) fills the demo tenants with the journeys at different stages, and
 * running it again creates nothing new.
 */
@ExtendWith(ThawPlatform.class)
@Order(59)
class J0DemoSeedIT {

    @Test
    void theDemoSeedShowsTheJourneysAtDifferentStagesAndASecondRunCreatesNothing(ThawPlatform platform)
            throws Exception {
        ThawApi thaw = new ThawApi(platform);

        String first = seed(platform);
        assertThat(first)
                .contains(
                        "J1 risk freeze (acme): case",
                        "J2 account takeover (globex): case",
                        "J3 compliance hold (bank-demo): case",
                        "J5 judicial freeze (acme): case",
                        "J4 identity misuse (bank-demo): subject",
                        "Demo data ready");

        // What it made is there through the API, each at its stage.
        Map<String, Object> risk = byReference(thaw, "acme-admin", "", "DEMO-J1-LIANLIAN");
        assertThat(risk).containsEntry("scenario", "RISK_TXN").containsEntry("status", "GATHERING_EVIDENCE");
        Map<String, Object> licence = thaw.awaitCase(
                "acme-admin",
                (String) risk.get("id"),
                "the rejected licence on the checklist",
                c -> "REJECTED".equals(checklistItem(c, "BUSINESS_LICENSE").get("status")),
                Duration.ofSeconds(30));
        assertThat((String) checklistItem(licence, "BUSINESS_LICENSE").get("rejectionReason"))
                .contains("EXPIRED");

        Map<String, Object> takeover = byReference(thaw, "globex-admin", "", "DEMO-J2-TAKEOVER");
        assertThat(takeover).containsEntry("scenario", "ACCOUNT_TAKEOVER");
        assertThat(ThawApi.hasClock(takeover, "TAKEOVER_CONTACT_30", "RUNNING")).isTrue();

        Map<String, Object> hold = byReference(thaw, "compliance", "&tenantId=bank-demo", "DEMO-J3-HOLD");
        assertThat(hold).containsEntry("scenario", "COMPLIANCE_HOLD").containsEntry("restricted", true);
        assertThat(thaw.all("demo-bank", "/api/v1/cases"))
                .noneMatch(c -> c.get("id").equals(hold.get("id")));

        Map<String, Object> judicial = byReference(thaw, "acme-admin", "", "DEMO-J5-COURT");
        assertThat(judicial).containsEntry("scenario", "JUDICIAL_FREEZE").containsEntry("status", "ESCALATED_LEGAL");

        java.util.regex.Matcher subject = java.util.regex.Pattern.compile(
                        "J4 identity misuse \\(bank-demo\\): subject (\\S+)")
                .matcher(first);
        assertThat(subject.find()).isTrue();
        Map<String, Object> alert = org.awaitility.Awaitility.await("the demo's alert")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> ThawApi.items(
                                ThawApi.ok(thaw.get(
                                        "demo-bank", "/api/v1/monitor/alerts?subjectId={s}", subject.group(1))),
                                "items"),
                        alerts -> !alerts.isEmpty())
                .getFirst();
        assertThat(alert).containsEntry("severity", "HIGH").containsEntry("kind", "IDENTITY_MISUSE");
        org.awaitility.Awaitility.await("the demo's identity-misuse case")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> thaw.all("demo-bank", "/api/v1/cases?scenario=IDENTITY_MISUSE").stream()
                        .anyMatch(c -> alert.get("id").equals(c.get("sourceAlertId"))));

        // Issue 20's partner business: plans, acme's link to bank-demo and its referral, insurer-demo's consent on J1.
        assertThat(first).contains("Partners: plans set");
        assertThat(ThawApi.list(thaw.get(ThawApi.DEMO_BANK, "/api/v1/cases/partner-links")))
                .anyMatch(
                        link -> "acme".equals(link.get("merchantTenantId")) && Boolean.TRUE.equals(link.get("active")));
        assertThat(ThawApi.ok(thaw.get(ThawApi.DEMO_BANK, "/api/v1/subscription")))
                .containsEntry("plan", "PARTNER_BANK");
        assertThat(ThawApi.ok(thaw.get("acme-admin", "/api/v1/subscription"))).containsEntry("plan", "THAW_ASSIST");
        org.awaitility.Awaitility.await("insurer-demo follows J1")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> ThawApi.list(thaw.get(ThawApi.DEMO_INSURER, "/api/v1/cases/followed")).stream()
                        .anyMatch(c -> risk.get("id").equals(c.get("caseId"))));
        assertThat(ThawApi.items(
                        ThawApi.ok(thaw.get(ThawApi.DEMO_BANK, "/api/v1/subscription/partner-statement")),
                        "subscribers"))
                .anyMatch(subscriber ->
                        "acme".equals(subscriber.get("tenantId")) && "THAW_ASSIST".equals(subscriber.get("plan")));

        // Idempotent: a second run finds everything and makes nothing.
        int acmeCases = thaw.all("acme-admin", "/api/v1/cases").size();
        String second = seed(platform);
        assertThat(second)
                .contains(
                        "J1 risk freeze (acme): already seeded",
                        "J2 account takeover (globex): already seeded",
                        "J3 compliance hold (bank-demo): already seeded",
                        "J5 judicial freeze (acme): already seeded",
                        "J4 identity misuse (bank-demo): already seeded");
        assertThat(thaw.all("acme-admin", "/api/v1/cases")).hasSize(acmeCases);
        assertThat(ThawApi.list(thaw.get("acme-admin", "/api/v1/evidence/cases/{id}/consents", risk.get("id"))))
                .filteredOn(consent -> "insurer-demo".equals(consent.get("insurerTenantId")))
                .hasSize(1);
    }

    private static Map<String, Object> byReference(ThawApi thaw, String who, String query, String accountReference) {
        List<Map<String, Object>> found = thaw.all(who, "/api/v1/cases?x=1" + query).stream()
                .filter(c -> accountReference.equals(((Map<?, ?>) c.get("holder")).get("accountReference")))
                .toList();
        assertThat(found).as(accountReference).hasSize(1);
        return found.getFirst();
    }

    /** Runs the seed as ./thaw demo does: {@code java infra/demo/DemoSeed.java <gateway> <keycloak>}. */
    private static String seed(ThawPlatform platform) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("thaw.root", ".."));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        root.resolve("infra/demo/DemoSeed.java").toString(),
                        platform.gatewayUrl(),
                        platform.keycloakUrl())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("the seed finished")
                .isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

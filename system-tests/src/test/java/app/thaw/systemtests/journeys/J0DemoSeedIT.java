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
import org.springframework.http.HttpStatus;

/**
 * {@code ./thaw demo}: the seed program (infra/demo/DemoSeed.java, run by the JDK's source
 * launcher as the runner does) onboards the demo tenants by API (ADR 64, 65: the realm file's
 * kind-less tenants completed, each with its kind, plan and, for the bank and the insurer, a client of
 * its own), fills them with the journeys at different stages, and running it again creates nothing new.
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
                        "Tenant bank-demo (PARTNER_BANK) onboarded by API: plan PARTNER_BANK, its own client bank-demo-api;"
                                + " made: organizationKind, client, clientAttribute, clientRole, clientMembership",
                        "Tenant insurer-demo (INSURER) onboarded by API: plan INSURER, its own client insurer-demo-api;"
                                + " made: organizationKind, client",
                        "Tenant acme (MERCHANT) onboarded by API: plan THAW_ASSIST, referred by bank-demo; made: "
                                + "organizationKind",
                        "Tenant globex (MERCHANT) onboarded by API: plan THAW_ASSIST; made: organizationKind");
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
        assertThat(first).contains("Partners: acme linked bank-demo");
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

        // The demo tenants are onboarded tenants now: the same onboarding again finds each complete ...
        Map<String, Object> bank = OnboardedTenantJourneyIT.onboard(
                thaw,
                demoTenant("bank-demo", "PARTNER_BANK", "Demo Partner Bank", "bank-analyst"),
                null,
                HttpStatus.OK);
        assertThat(bank)
                .containsEntry("kind", "PARTNER_BANK")
                .containsEntry("plan", "PARTNER_BANK")
                .containsEntry("created", List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> client = (Map<String, Object>) bank.get("client");
        assertThat(client).containsEntry("clientId", "bank-demo-api");
        // ... the bank's own client, made by onboarding, calls Thaw as the bank ...
        String token = thaw.keycloak().clientToken("bank-demo-api", (String) client.get("secret"));
        assertThat(ThawApi.body(thaw.gateway()
                                .get()
                                .uri("/api/v1/monitor/whoami")
                                .headers(h -> h.setBearerAuth(token))
                                .exchange()
                                .expectStatus()
                                .isOk())
                        .toString())
                .contains("bank-demo", "partner_bank");
        // ... and each has the kind onboarding recorded: acme is no insurer.
        Map<String, Object> notAnInsurer = ThawApi.problem(
                OnboardedTenantJourneyIT.exchange(
                        thaw, demoTenant("acme", "INSURER", "Acme Trading", "acme-admin"), null),
                HttpStatus.CONFLICT);
        assertThat(notAnInsurer).containsEntry("code", "tenant_conflict").containsEntry("field", "tenantId");
        assertThat(String.valueOf(notAnInsurer.get("detail"))).contains("kind MERCHANT");
        // The realm's demo users and clients work as before (the seed signed in with them after onboarding).
        assertThat(ThawApi.ok(thaw.get("insurer-adjuster", "/api/v1/subscription")))
                .containsEntry("plan", "INSURER");
        assertThat(ThawApi.ok(thaw.get("globex-admin", "/api/v1/subscription"))).containsEntry("plan", "THAW_ASSIST");

        // Idempotent: a second run finds everything and makes nothing.
        int acmeCases = thaw.all("acme-admin", "/api/v1/cases").size();
        String second = seed(platform);
        // Each onboarding of the second run found its tenant complete, or got the first run's answer replayed.
        assertThat(second.lines().filter(line -> line.startsWith("Tenant ")))
                .hasSize(4)
                .allMatch(line -> line.contains("nothing made") || line.endsWith("replayed)"), "made nothing");
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

    /** The onboarding request the seed sends for a demo tenant (its admin user as the realm file has it). */
    private static Map<String, Object> demoTenant(String tenantId, String kind, String name, String admin) {
        return Map.of(
                "tenantId",
                tenantId,
                "kind",
                kind,
                "name",
                name,
                "admin",
                Map.of(
                        "username",
                        admin,
                        "email",
                        admin + "@" + tenantId + ".example.com",
                        "firstName",
                        "Demo",
                        "lastName",
                        "Admin",
                        "temporaryPassword",
                        "thaw-demo-first-sign-in"));
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
        assertThat(process.waitFor(300, TimeUnit.SECONDS))
                .as("the seed finished")
                .isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.items;
import static app.thaw.systemtests.support.ThawApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import app.thaw.systemtests.support.OtlpReceiver;
import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

/**
 * Journey 4 (docs/domain.md §12): a partner bank pushes three loan applications for the same subject
 * within an hour, from a new device 1,200 km from the last login 20 minutes earlier: one
 * high-severity alert, an IDENTITY_MISUSE case, the subject notified within 2 s of the last signal
 * — all in one trace; police-report receipt and credit report uploaded; the insurer downloads a
 * dossier that verifies offline, with consent only.
 */
@ExtendWith(ThawPlatform.class)
@Order(54)
class J4IdentityMisuseIT {

    static final String BANK = ThawApi.DEMO_BANK;
    static final String INSURER = ThawApi.DEMO_INSURER;
    static final Map<String, Double> SHANGHAI = Map.of("lat", 31.2304, "lon", 121.4737);
    /** Xi'an, about 1,220 km from Shanghai. */
    static final Map<String, Double> XIAN = Map.of("lat", 34.3416, "lon", 108.9398);

    @TempDir
    Path dir;

    @Test
    void threeLoanApplicationsBecomeOneAlertACaseAndANotificationInOneTraceAndTheInsurerGetsAVerifiableDossier(
            ThawPlatform platform) throws Exception {
        identityMisuse(Walk.alone(new ThawApi(platform)), platform.traces(), dir);
    }

    /**
     * The journey's steps, walked on one instance or with instances killed between the loan applications
     * ({@link Walk}); {@code traces} receives the platform's spans, {@code dir} takes the insurer's files.
     */
    static Walked identityMisuse(Walk walk, OtlpReceiver traces, Path dir) throws Exception {
        ThawApi thaw = walk.thaw();
        String phone = "+86139" + (10_000_000 + new SecureRandom().nextInt(89_999_999));

        // The bank enrols its customer and has seen her log in from home.
        Map<String, Object> subject = thaw.enrol(
                BANK,
                "PERSON",
                List.of(
                        Map.of("type", "PHONE", "value", phone),
                        Map.of("type", "NAME_LATIN", "value", "Zhou Xiaomei")));
        String subjectId = (String) subject.get("id");
        Instant now = thaw.now();
        Instant firstApplication = now.minus(Duration.ofMinutes(12));
        signal(thaw, null, "login-1-" + phone, "LOGIN", now.minus(Duration.ofDays(3)), phone, "iphone-zhou", SHANGHAI);
        signal(
                thaw,
                null,
                "login-2-" + phone,
                "LOGIN",
                firstApplication.minus(Duration.ofMinutes(20)),
                phone,
                "iphone-zhou",
                SHANGHAI);

        // Three loan applications within the hour, from a new device in Xi'an, 20 minutes after
        // the login in Shanghai: the bank's one operation, one trace.
        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        String traceId = hex.formatHex(random.generateSeed(16));
        Instant lastSignal = null;
        for (int i = 0; i < 3; i++) {
            lastSignal = thaw.now();
            String traceparent = "00-" + traceId + "-" + hex.formatHex(random.generateSeed(8)) + "-01";
            signal(
                    thaw,
                    traceparent,
                    "loan-" + i + "-" + phone,
                    "CREDIT_APPLICATION",
                    firstApplication.plus(Duration.ofMinutes(5L * i)),
                    phone,
                    "android-unknown-7731",
                    XIAN);
            if (i == 0) {
                // The first application is on its way to detection when instances die.
                walk.midway();
            }
        }

        // One high-severity alert...
        List<Map<String, Object>> alerts = Awaitility.await("the alert")
                .atMost(walk.within(Duration.ofSeconds(5)))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> items(ok(thaw.get(BANK, "/api/v1/monitor/alerts?subjectId={s}", subjectId)), "items"),
                        found -> !found.isEmpty()
                                && ((Map<?, ?>) found.getFirst().get("detectors")).size() >= 3);
        assertThat(alerts).hasSize(1);
        Map<String, Object> alert = alerts.getFirst();
        assertThat(alert).containsEntry("kind", "IDENTITY_MISUSE").containsEntry("severity", "HIGH");
        assertThat(((Map<?, ?>) alert.get("detectors"))
                        .keySet().stream().map(String::valueOf).toList())
                .contains("CREDIT_APPLICATIONS", "NEW_DEVICE", "IMPOSSIBLE_TRAVEL");

        // ... opens an IDENTITY_MISUSE case and the subject's side is notified, within 2 s of the last signal.
        Map<String, Object> theCase = Awaitility.await("the identity-misuse case")
                .atMost(walk.within(Duration.ofSeconds(30)))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> thaw.all(BANK, "/api/v1/cases?scenario=IDENTITY_MISUSE").stream()
                                .filter(c -> alert.get("id").equals(c.get("sourceAlertId")))
                                .toList(),
                        found -> found.size() == 1)
                .getFirst();
        String caseId = (String) theCase.get("id");
        Map<String, Object> firstDelivery = Awaitility.await("the subject notified")
                .atMost(walk.within(Duration.ofSeconds(30)))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(
                        () -> ok(thaw.get(BANK, "/api/v1/notifications/cases/{id}/first-delivery", caseId)),
                        d -> d.get("deliveredAt") != null);
        Duration signalToDelivery =
                Duration.between(lastSignal, Instant.parse((String) firstDelivery.get("deliveredAt")));
        System.out.printf(
                "JOURNEY_LATENCY J4 last signal -> delivered notification %d ms%s%n",
                signalToDelivery.toMillis(), walk.crashing() ? " (instances killed and restarting meanwhile)" : "");
        if (!walk.crashing()) {
            assertThat(signalToDelivery)
                    .as("from the last signal to the delivered notification")
                    .isLessThan(Duration.ofSeconds(2));
        }

        // One trace covers the signal at the gateway, the alert, the case and the delivery.
        List<OtlpReceiver.Span> trace = traces.awaitTrace(
                traceId,
                spans -> services(spans)
                        .containsAll(Set.of("gateway", "identity-monitor", "case-service", "notification-service")),
                walk.within(Duration.ofSeconds(60)));
        assertThat(services(trace)).contains("gateway", "identity-monitor", "case-service", "notification-service");

        // Police-report receipt and credit report uploaded to the case.
        Map<String, Object> police =
                thaw.upload(BANK, caseId, "POLICE_REPORT", "police-receipt.png", ThawApi.png(401), null);
        Map<String, Object> credit =
                thaw.upload(BANK, caseId, "CREDIT_REPORT", "credit-report.png", ThawApi.png(402), null);

        // The insurer without consent: 404. With the insured's consent: a dossier that verifies offline.
        thaw.get(INSURER, "/api/v1/evidence/cases/{id}/dossier", caseId)
                .expectStatus()
                .isNotFound();
        thaw.post(BANK, Map.of("insurerTenantId", "insurer-demo"), "/api/v1/evidence/cases/{id}/consents", caseId)
                .expectStatus()
                .isCreated();
        byte[] dossier = thaw.bytes(INSURER, "/api/v1/evidence/cases/{id}/dossier", caseId);
        Map<String, byte[]> entries = J1MerchantRiskFreezeIT.unzip(dossier);
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains((String) police.get("sha256"), (String) credit.get("sha256"));

        // Offline: only the zip and Thaw's public keys (fetched once by the insurer: the gateway asks a
        // token even for this public document), with the evidence service's own verifier.
        Path zip = Files.write(dir.resolve("dossier.zip"), dossier);
        Path jwks =
                Files.write(dir.resolve("thaw-jwks.json"), thaw.bytes(INSURER, "/api/v1/evidence/dossiers/jwks.json"));
        String verdict = verifyOffline(zip, jwks);
        assertThat(verdict).contains("VALID").doesNotContain("MISMATCH").doesNotContain("INVALID");
        return new Walked(BANK, caseId, subjectId, null);
    }

    private static Set<String> services(List<OtlpReceiver.Span> spans) {
        return spans.stream().map(OtlpReceiver.Span::service).collect(Collectors.toSet());
    }

    private static void signal(
            ThawApi thaw,
            String traceparent,
            String id,
            String type,
            Instant at,
            String phone,
            String device,
            Map<String, Double> location) {
        Map<String, Object> signal = ThawApi.demoSignal(id, type, at, phone, device, location);
        thaw.gateway()
                .post()
                .uri("/api/v1/monitor/signals")
                .headers(h -> {
                    h.setBearerAuth(thaw.token(BANK));
                    if (traceparent != null) {
                        h.set("traceparent", traceparent);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signal)
                .exchange()
                .expectStatus()
                .isAccepted();
    }

    /** Runs the evidence service's offline verifier (evidence-service/tools/README.md) on the zip and the keys. */
    private static String verifyOffline(Path zip, Path jwks) throws Exception {
        Path root = Path.of(System.getProperty("thaw.root", ".."));
        Path jar = root.resolve("evidence-service/target/evidence-service-"
                + System.getProperty("thaw.version", "0.1.0-SNAPSHOT") + "-exec.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Dloader.main=app.thaw.evidence.dossier.offline.VerifyDossier",
                        "-cp",
                        jar.toString(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher",
                        zip.toString(),
                        jwks.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

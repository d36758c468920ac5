package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.items;
import static app.thaw.systemtests.support.ThawApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import app.thaw.systemtests.support.InstanceCrashes;
import app.thaw.systemtests.support.ScaledThawPlatform;
import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the five journeys on the scaled shape (ADR 91) — two instances of every service on one store, events
 * over Kafka, the gateway balancing across both — each with one instance of every service killed ({@code kill -9})
 * at its midpoint and restarted while it goes on. The journeys' own steps ({@link Walk}), in the one-instance
 * order; then counts prove that no event was lost and no effect doubled (alerts, cases, timeline lines,
 * deliveries, reminders), and that the work two instances share on one store is done once: the outbox relay's
 * lease claims, the timers (each reminder once though both instances poll for it), the consumer inbox, and an
 * Idempotency-Key sent to both instances at once.
 */
@ExtendWith(ScaledThawPlatform.class)
@Order(90)
// Opt-in: on this shared 2-core machine the scaled shape (12 JVMs) takes many minutes to start (ADR 92); its cost on
// CI's machine is not measured.
@EnabledIfSystemProperty(
        named = "thaw.scaled",
        matches = "true",
        disabledReason =
                "the scaled shape runs only with -Dthaw.scaled=true (it has not yet passed within CI's time; issue 19)")
class ScaledShapeIT {

    static final String ADMIN = "acme-admin";
    /** The services' databases in the store, by area. */
    static final List<String> DATABASES = List.of("cases", "evidence", "notifications", "monitor");

    @TempDir
    Path dir;

    @Test
    void theFiveJourneysPassWhileOneInstanceOfEachServiceIsKilledAndRestartedInEachAndNothingIsLostOrDoubled(
            ThawPlatform platform) throws Exception {
        long started = System.nanoTime();
        assertThat(platform.scaled()).isTrue();
        long rss = 0;
        for (String component : platform.components()) {
            long bytes = platform.residentBytes(component);
            System.out.printf("SCALED_SHAPE_IT RSS %s %d MB%n", component, bytes / (1024 * 1024));
            rss += Math.max(0, bytes);
        }
        System.out.printf(
                "SCALED_SHAPE_IT RSS all (Kafka inside the test JVM; Keycloak counted by its launcher) %d MB%n",
                rss / (1024 * 1024));
        ThawApi thaw = new ThawApi(platform);
        Map<String, Walked> walked = new LinkedHashMap<>();
        try (InstanceCrashes crashes = new InstanceCrashes(platform, thaw)) {
            // The first instances die in J5, J2 and J4, the second in J1 and J3; each journey ends with them back.
            walked.put("J5", walk("J5", () -> J5JudicialFreezeIT.judicialFreeze(crashing(thaw, crashes, 1)), crashes));
            walked.put(
                    "J1",
                    walk(
                            "J1",
                            () -> J1MerchantRiskFreezeIT.merchantRiskFreeze(
                                    crashing(thaw, crashes, 2),
                                    J1MerchantRiskFreezeIT.MERCHANT,
                                    "Acme Cross-Border Trading Ltd.",
                                    "LL-ACME-001"),
                            crashes));
            walked.put(
                    "J2", walk("J2", () -> J2AccountTakeoverIT.accountTakeover(crashing(thaw, crashes, 1)), crashes));
            walked.put("J3", walk("J3", () -> J3ComplianceHoldIT.complianceHold(crashing(thaw, crashes, 2)), crashes));
            walked.put(
                    "J4",
                    walk(
                            "J4",
                            () -> J4IdentityMisuseIT.identityMisuse(crashing(thaw, crashes, 1), platform.traces(), dir),
                            crashes));
        }
        String intakeId = oneCaseForOneKeySentToBothInstances(platform, thaw);

        try (MongoClient store = MongoClients.create(platform.storeUri("cases"))) {
            // Everything settles: no outbox entry left pending, no inbox claim left open, nothing parked.
            Awaitility.await("every outbox delivered and every inbox done")
                    .atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> DATABASES.stream().map(store::getDatabase).allMatch(ScaledShapeIT::settled));
            // No event lost, no effect doubled: every count printed and checked, not only up to the first miss.
            SoftAssertions counts = new SoftAssertions();
            for (String db : DATABASES) {
                long deadLetters =
                        store.getDatabase(db).getCollection("dead_letters").countDocuments();
                System.out.printf("SCALED_SHAPE_IT COUNT dead letters in %s: %d%n", db, deadLetters);
                counts.assertThat(deadLetters).as("dead letters in %s", db).isZero();
            }

            // The journeys' alerts by kind, and how their readers list the cases alerts open.
            Map<String, List<String>> alertsAndCases = Map.of(
                    "J3", List.of("SANCTIONS_HIT", "/api/v1/cases?tenantId=bank-demo&scenario=COMPLIANCE_HOLD"),
                    "J4", List.of("IDENTITY_MISUSE", "/api/v1/cases?scenario=IDENTITY_MISUSE"));
            for (String journey : List.of("J3", "J4")) {
                Walked walk = walked.get(journey);
                List<Map<String, Object>> alerts = items(
                        ok(thaw.get(
                                ThawApi.DEMO_BANK,
                                "/api/v1/monitor/alerts?subjectId={s}&kind={k}",
                                walk.subjectId(),
                                alertsAndCases.get(journey).get(0))),
                        "items");
                long cases = thaw.all(walk.reader(), alertsAndCases.get(journey).get(1)).stream()
                        .filter(c -> alerts.stream()
                                .anyMatch(alert -> alert.get("id").equals(c.get("sourceAlertId"))))
                        .count();
                System.out.printf(
                        "SCALED_SHAPE_IT COUNT %s alerts for the subject: %d, cases for them: %d%n",
                        journey, alerts.size(), cases);
                counts.assertThat(alerts).as("%s alerts", journey).hasSize(1);
                counts.assertThat(cases).as("%s cases for the alert", journey).isEqualTo(1);
            }
            Map<String, String> timelines = new LinkedHashMap<>();
            walked.forEach((journey, walk) -> timelines.put(walk.caseId(), walk.reader()));
            timelines.put(intakeId, ADMIN);
            timelines.forEach((caseId, reader) -> {
                List<String> lines =
                        ThawApi.list(thaw.get(reader, "/api/v1/cases/{id}/timeline", caseId)
                                        .expectStatus()
                                        .isOk())
                                .stream()
                                // Lines are stamped to the second: two clocks of one kind (set by two submissions)
                                // met in the same second differ only in their details (the clock's id).
                                .map(line -> line.get("at") + " " + line.get("type") + " " + line.get("summary") + " "
                                        + line.get("details"))
                                .toList();
                System.out.printf(
                        "SCALED_SHAPE_IT COUNT timeline of %s: %d lines, %d distinct%n",
                        caseId, lines.size(), lines.stream().distinct().count());
                counts.assertThat(lines)
                        .as("timeline of %s", caseId)
                        .isNotEmpty()
                        .doesNotHaveDuplicates();
            });
            List<Document> deliveries = store.getDatabase("notifications")
                    .getCollection("deliveries")
                    .find()
                    .into(new ArrayList<>());
            long sentTwice = deliveries.stream()
                    .filter(delivery -> delivery.getList("attemptLog", Document.class, List.of()).stream()
                                    .filter(attempt -> "SUCCEEDED".equals(attempt.getString("status")))
                                    .count()
                            > 1)
                    .count();
            System.out.printf("SCALED_SHAPE_IT COUNT deliveries: %d, sent twice: %d%n", deliveries.size(), sentTwice);
            counts.assertThat(deliveries).as("deliveries").isNotEmpty();
            counts.assertThat(sentTwice).as("deliveries sent twice").isZero();
            Walked j1 = walked.get("J1");
            List<String> reminders = thaw.all(j1.reader(), "/api/v1/notifications/reminders").stream()
                    .filter(reminder -> Objects.equals(j1.followUpId(), reminder.get("clockId")))
                    .map(reminder -> String.valueOf(reminder.get("minutesBefore")))
                    .toList();
            System.out.printf("SCALED_SHAPE_IT COUNT J1 follow-up reminders (minutes before): %s%n", reminders);
            counts.assertThat(reminders)
                    .as("each of J1's follow-up reminders once, though both instances poll for its timers")
                    .contains("60", "30", "10")
                    .doesNotHaveDuplicates();
            counts.assertAll();
        }
        System.out.printf(
                "SCALED_SHAPE_IT test body %d s (platform start not included)%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** A journey's steps with {@code instance} of every service killed at its midpoint. */
    private static Walk crashing(ThawApi thaw, InstanceCrashes crashes, int instance) {
        return Walk.crashing(thaw, () -> crashes.killAndRestart(instance));
    }

    /** Walks one journey, then waits for the instances killed in it to be back; prints how long it took. */
    private static Walked walk(String journey, Journey steps, InstanceCrashes crashes) throws Exception {
        long started = System.nanoTime();
        Walked walked = steps.walk();
        crashes.awaitRestarted();
        System.out.printf(
                "SCALED_SHAPE_IT %s passed in %d s (instances back)%n",
                journey, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return walked;
    }

    @FunctionalInterface
    private interface Journey {
        Walked walk() throws Exception;
    }

    /** Outbox all sent, every inbox claim done. */
    private static boolean settled(MongoDatabase db) {
        return db.getCollection("outbox").countDocuments(Filters.eq("status", "PENDING")) == 0
                && db.getCollection("processed_events").countDocuments(Filters.ne("state", "DONE")) == 0;
    }

    /** Journey 1's intake with one Idempotency-Key, sent to both instances of case-service at the same moment. */
    private static String oneCaseForOneKeySentToBothInstances(ThawPlatform platform, ThawApi thaw) {
        String key = UUID.randomUUID().toString();
        String holder = "Acme Scaled " + key.substring(0, 8);
        Map<String, Object> intake = Map.of(
                "holder",
                Map.of("type", "ENTERPRISE", "displayName", holder, "accountReference", "LL-SCALE-1"),
                "platform",
                "LianLian (连连支付)",
                "noticeText",
                J1MerchantRiskFreezeIT.RISK_NOTICE,
                "noticeReference",
                "LL-RR-SCALE");
        List<CompletableFuture<Integer>> both = platform.instancesOf("case-service").stream()
                .map(instance -> CompletableFuture.supplyAsync(() -> thaw.settled(
                                platform.serviceUrl(instance),
                                ADMIN,
                                "/api/v1/cases",
                                intake,
                                key,
                                Duration.ofSeconds(120))
                        .getKey()))
                .toList();
        assertThat(both.stream().map(CompletableFuture::join).toList())
                .allSatisfy(status -> assertThat(status).isIn(200, 201));
        List<Map<String, Object>> intakes = thaw.all(ADMIN, "/api/v1/cases").stream()
                .filter(c -> holder.equals(((Map<?, ?>) c.get("holder")).get("displayName")))
                .toList();
        System.out.printf(
                "SCALED_SHAPE_IT COUNT cases for one Idempotency-Key sent to both instances: %d%n", intakes.size());
        assertThat(intakes)
                .as("one case for one key, though both instances were asked at once")
                .hasSize(1);
        return (String) intakes.getFirst().get("id");
    }
}

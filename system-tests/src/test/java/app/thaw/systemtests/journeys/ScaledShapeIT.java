package app.thaw.systemtests.journeys;

import static app.thaw.systemtests.support.ThawApi.items;
import static app.thaw.systemtests.support.ThawApi.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import app.thaw.systemtests.support.ScaledThawPlatform;
import app.thaw.systemtests.support.ThawApi;
import app.thaw.systemtests.support.ThawPlatform;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19: the journeys' key steps on the scaled shape (ADR 91) — two instances of every service on one store,
 * events over Kafka, the gateway balancing across both — while one instance of each service is killed
 * ({@code kill -9}) and restarted mid-journey. Counts prove that no event was lost and no effect doubled
 * (alerts, cases, timeline lines, deliveries, reminders), and that the work two instances share on one store
 * is done once: the outbox relay's lease claims, the timers (a reminder fired once though both instances poll
 * for it), the sweeps, the consumer inbox, and an Idempotency-Key sent to both instances at once.
 */
@ExtendWith(ScaledThawPlatform.class)
@Order(90)
// Opt-in until it has passed on the CI machine: on this shared 2-core machine the scaled shape (12 JVMs)
// took 11-16 min to start under load and no run has finished yet (issue 19 stays open for it).
@EnabledIfSystemProperty(
        named = "thaw.scaled",
        matches = "true",
        disabledReason =
                "the scaled shape runs only with -Dthaw.scaled=true (it has not yet passed within CI's time; issue 19)")
class ScaledShapeIT {

    static final String BANK = ThawApi.DEMO_BANK;
    static final String ADMIN = "acme-admin";
    static final String MEMBER = "acme-member";
    static final Map<String, Double> SHANGHAI = Map.of("lat", 31.2304, "lon", 121.4737);
    static final Map<String, Double> XIAN = Map.of("lat", 34.3416, "lon", 108.9398);
    static final List<String> SERVICES = List.copyOf(ThawPlatform.SERVICES.values());

    @Test
    void journeysKeepEveryEventAndDoubleNoEffectWhileOneInstanceOfEachServiceIsKilledAndRestarted(
            ThawPlatform platform) {
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

        // -- Journey 4 (identity misuse): the bank enrols its customer, who logged in from home.
        String phone = "+86139" + (10_000_000 + new SecureRandom().nextInt(89_999_999));
        String subjectId = (String) thaw.enrol(
                        BANK,
                        "PERSON",
                        List.of(
                                Map.of("type", "PHONE", "value", phone),
                                Map.of("type", "NAME_LATIN", "value", "Zhou Xiaomei")))
                .get("id");
        Instant now = thaw.now();
        Instant firstApplication = now.minus(Duration.ofMinutes(12));
        signal(
                platform,
                thaw,
                "login-1-" + phone,
                "LOGIN",
                now.minus(Duration.ofDays(3)),
                phone,
                "iphone-zhou",
                SHANGHAI);
        signal(
                platform,
                thaw,
                "login-2-" + phone,
                "LOGIN",
                firstApplication.minus(Duration.ofMinutes(20)),
                phone,
                "iphone-zhou",
                SHANGHAI);
        signal(
                platform,
                thaw,
                "loan-0-" + phone,
                "CREDIT_APPLICATION",
                firstApplication,
                phone,
                "android-unknown-7731",
                XIAN);

        // Mid-journey, one instance of each service dies at once (the first of two; kill -9, as a crash would):
        // the events in flight, the relay's claims and the consumers' partitions are theirs.
        SERVICES.forEach(platform::killService);
        CompletableFuture<Void> restarted =
                CompletableFuture.runAsync(() -> SERVICES.parallelStream().forEach(platform::startService));

        // The rest of the journey goes on through the gateway, which stops sending to the dead instances.
        for (int i = 1; i < 3; i++) {
            signal(
                    platform,
                    thaw,
                    "loan-" + i + "-" + phone,
                    "CREDIT_APPLICATION",
                    firstApplication.plus(Duration.ofMinutes(5L * i)),
                    phone,
                    "android-unknown-7731",
                    XIAN);
        }
        List<Map<String, Object>> alerts = Awaitility.await("the alert")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(
                        () -> items(ok(thaw.get(BANK, "/api/v1/monitor/alerts?subjectId={s}", subjectId)), "items"),
                        found -> !found.isEmpty()
                                && ((Map<?, ?>) found.getFirst().get("detectors")).size() >= 3);
        Map<String, Object> alert = alerts.getFirst();
        Map<String, Object> theCase = Awaitility.await("the identity-misuse case")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(
                        () -> thaw.all(BANK, "/api/v1/cases?scenario=IDENTITY_MISUSE").stream()
                                .filter(c -> alert.get("id").equals(c.get("sourceAlertId")))
                                .toList(),
                        found -> !found.isEmpty())
                .getFirst();
        String caseId = (String) theCase.get("id");
        Awaitility.await("the subject notified")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(
                        () -> ok(thaw.get(BANK, "/api/v1/notifications/cases/{id}/first-delivery", caseId)),
                        delivery -> delivery.get("deliveredAt") != null);
        restarted.join();

        // -- Journey 1's intake with an Idempotency-Key, sent to both instances of case-service at the same moment.
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
                .map(instance -> CompletableFuture.supplyAsync(
                        () -> settle(platform.serviceUrl(instance), thaw, ADMIN, "/api/v1/cases", intake, key)))
                .toList();
        assertThat(both.stream().map(CompletableFuture::join).toList())
                .allSatisfy(status -> assertThat(status).isIn(200, 201));
        List<Map<String, Object>> intakes = thaw.all(ADMIN, "/api/v1/cases").stream()
                .filter(c -> holder.equals(((Map<?, ?>) c.get("holder")).get("displayName")))
                .toList();
        assertThat(intakes)
                .as("one case for one key, though both instances were asked at once")
                .hasSize(1);
        String intakeId = (String) intakes.getFirst().get("id");

        // -- The follow-up reminder (timers): assigned to the member, a promised reply in two days.
        String memberId = (String) ok(thaw.get(MEMBER, "/api/v1/cases/whoami")).get("subject");
        thaw.post(
                        ADMIN,
                        Map.of(
                                "kind",
                                "STAFF",
                                "name",
                                "Acme member",
                                "userId",
                                memberId,
                                "roles",
                                List.of("merchant_member", "staff_agent"),
                                "channels",
                                List.of("IN_APP")),
                        "/api/v1/notifications/recipients")
                .expectStatus()
                .is2xxSuccessful();
        ok(thaw.post(ADMIN, Map.of("assignee", memberId), "/api/v1/cases/{id}/assignment", intakeId));
        Instant promised = thaw.now().plus(Duration.ofDays(2));
        Map<String, Object> contacted = thaw.phoneCallPromisingAReply(ADMIN, intakeId, "LL-T-SCALE", promised);
        String followUpId = (String) ThawApi.clock(contacted, "FOLLOW_UP").get("id");
        // Both instances of every service see the time move; the second instances die right after (their timers
        // and claims in hand) and come back.
        thaw.advanceTo(promised.minus(Duration.ofMinutes(60)).plusSeconds(5));
        List<String> seconds = SERVICES.stream().map(service -> service + "-2").toList();
        seconds.forEach(platform::killService);
        CompletableFuture<Void> secondsBack =
                CompletableFuture.runAsync(() -> seconds.parallelStream().forEach(platform::startService));
        Awaitility.await("the assignee's reminder")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> !reminders(thaw, followUpId).isEmpty());
        secondsBack.join();
        // A restarted instance starts with the real time: move it to the common one again.
        thaw.advanceTo(promised.minus(Duration.ofMinutes(60)).plusSeconds(10));

        // -- Everything settles: no outbox entry left pending, no inbox claim left open, nothing parked.
        try (MongoClient store = MongoClients.create(platform.storeUri("cases"))) {
            Map<String, String> databases = Map.of(
                    "cases",
                    "case-service",
                    "evidence",
                    "evidence-service",
                    "notifications",
                    "notification-service",
                    "monitor",
                    "identity-monitor");
            Awaitility.await("every outbox delivered and every inbox done")
                    .atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> databases.keySet().stream()
                            .allMatch(db -> store.getDatabase(db)
                                                    .getCollection("outbox")
                                                    .countDocuments(Filters.eq("status", "PENDING"))
                                            == 0
                                    && store.getDatabase(db)
                                                    .getCollection("processed_events")
                                                    .countDocuments(Filters.ne("state", "DONE"))
                                            == 0));
            databases
                    .keySet()
                    .forEach(db -> assertThat(store.getDatabase(db)
                                    .getCollection("dead_letters")
                                    .countDocuments())
                            .as("dead letters in %s", db)
                            .isZero());

            // No event lost, no effect doubled.
            assertThat(items(ok(thaw.get(BANK, "/api/v1/monitor/alerts?subjectId={s}", subjectId)), "items"))
                    .as("alerts")
                    .hasSize(1);
            assertThat(thaw.all(BANK, "/api/v1/cases?scenario=IDENTITY_MISUSE").stream()
                            .filter(c -> alert.get("id").equals(c.get("sourceAlertId")))
                            .toList())
                    .as("cases for the alert")
                    .hasSize(1);
            for (String id : List.of(caseId, intakeId)) {
                List<Map<String, Object>> timeline =
                        ThawApi.list(thaw.get(id.equals(caseId) ? BANK : ADMIN, "/api/v1/cases/{id}/timeline", id)
                                .expectStatus()
                                .isOk());
                assertThat(timeline).as("timeline of %s", id).isNotEmpty();
                assertThat(timeline.stream()
                                .map(line -> line.get("at") + " " + line.get("type") + " " + line.get("summary"))
                                .toList())
                        .as("timeline lines of %s, none twice", id)
                        .doesNotHaveDuplicates();
            }
            List<Document> deliveries = store.getDatabase("notifications")
                    .getCollection("deliveries")
                    .find()
                    .into(new ArrayList<>());
            assertThat(deliveries).as("deliveries").isNotEmpty();
            assertThat(deliveries)
                    .as("no delivery sent twice")
                    .allSatisfy(delivery -> assertThat(
                                    delivery.getList("attemptLog", Document.class, List.of()).stream()
                                            .filter(attempt -> "SUCCEEDED".equals(attempt.getString("status")))
                                            .count())
                            .isLessThanOrEqualTo(1));
            List<Map<String, Object>> reminders = reminders(thaw, followUpId);
            assertThat(reminders.stream()
                            .map(reminder -> String.valueOf(reminder.get("id")))
                            .toList())
                    .as(
                            "each of the follow-up's reminders once in the assignee's inbox, though both instances poll for its timers")
                    .isNotEmpty()
                    .doesNotHaveDuplicates();
        }
        System.out.printf(
                "SCALED_SHAPE_IT test body %d s (platform start not included)%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private static List<Map<String, Object>> reminders(ThawApi thaw, String clockId) {
        return thaw.all(MEMBER, "/api/v1/notifications/inbox").stream()
                .filter(item -> "thaw.reminder.due".equals(item.get("eventType")))
                .filter(item -> String.valueOf(item.get("id")).contains(clockId))
                .toList();
    }

    /** A signal through the gateway, sent again with its id (ingestion is idempotent by signal id) while an instance is down. */
    private static void signal(
            ThawPlatform platform,
            ThawApi thaw,
            String id,
            String type,
            Instant at,
            String phone,
            String device,
            Map<String, Double> location) {
        Map<String, Object> signal = ThawApi.demoSignal(id, type, at, phone, device, location);
        assertThat(settle(platform.gatewayUrl(), thaw, BANK, "/api/v1/monitor/signals", signal, null))
                .as(id)
                .isEqualTo(202);
    }

    /** Posts (with the key, if any) until the request settles, as a well-behaved client does; answers the final status. */
    static int settle(String baseUrl, ThawApi thaw, String who, String path, Object body, String key) {
        return thaw.settled(baseUrl, who, path, body, key, Duration.ofSeconds(120))
                .getKey();
    }
}

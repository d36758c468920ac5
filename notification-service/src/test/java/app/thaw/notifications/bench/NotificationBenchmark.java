package app.thaw.notifications.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.notifications.HttpStub;
import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.delivery.ChannelSender;
import app.thaw.notifications.delivery.DeliveryId;
import app.thaw.notifications.delivery.DispatchService;
import app.thaw.notifications.delivery.Notification;
import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.events.ConsumedEvents;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.reminders.ReminderService;
import app.thaw.platform.timers.Timers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Load runs, not tests: skipped unless {@code -Dbench=true}. They print lines starting with
 * {@code BENCH} that docs/benchmarks/notification-service.md records. Run one with
 * {@code ./mvnw -o -pl notification-service test -Dtest=NotificationBenchmark#webhookFanOut -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class NotificationBenchmark extends NotificationsTestBase {

    static final int ENDPOINTS = 20;
    static final int CONCURRENCY = 32;

    @Autowired
    List<ChannelSender> senders;

    @Autowired
    DispatchService dispatch;

    @Autowired
    Timers timers;

    @Autowired
    app.thaw.platform.plans.TenantPlans tenantPlans;

    static void report(String line) {
        System.out.println("BENCH " + line);
    }

    List<String> registerEndpoints(String tenant, String prefix, int count) {
        // More endpoints than the default plan's monthly quota (ADR 62): the benchmark's tenant is a partner bank.
        tenantPlans.apply(tenant, "PARTNER_BANK", Long.MAX_VALUE).block();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<?, ?> answer = web.post()
                    .uri("/api/v1/notifications/webhooks")
                    .headers(h -> h.setBearerAuth(admin(tenant)))
                    .bodyValue(Map.of("url", receiver.url(prefix + i), "eventTypes", List.of("thaw.case.*")))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            ids.add((String) ((Map<?, ?>) answer.get("endpoint")).get("id"));
        }
        return ids;
    }

    double rawWebClientLoop(String path, int requests) {
        WebClient client = WebClient.create();
        String body =
                "{\"type\":\"thaw.case.closed\",\"timestamp\":\"2030-01-01T00:00:00Z\",\"data\":{\"caseId\":\"c-1\"}}";
        long started = System.nanoTime();
        Flux.range(0, requests)
                .flatMap(
                        i -> client.post()
                                .uri(receiver.url(path))
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(body)
                                .retrieve()
                                .toBodilessEntity(),
                        CONCURRENCY)
                .blockLast();
        return requests / seconds(started);
    }

    /**
     * CPU time this JVM has used, all threads (the service, its in-process store, the receiver, the
     * JIT): a phase's CPU per request or delivery holds steadier than its rate on a shared machine,
     * whose neighbours take cores away, and on a CPU-bound machine the rates' ratio follows it.
     */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the last {@link #pipeline} run, from its first dispatch until the worker was idle. */
    long lastPipelineCpuNanos;

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    @Test
    void webhookFanOut() {
        int requests = Integer.getInteger("bench.requests", 3000);
        rawWebClientLoop("/warmup", 500);
        double raw = rawWebClientLoop("/raw", requests);
        report(String.format(
                "raw WebClient POST loop: %d requests, concurrency %d: %.0f/s", requests, CONCURRENCY, raw));

        String tenant = newTenant();
        List<String> endpoints = registerEndpoints(tenant, "/fan/", ENDPOINTS);
        // Each side gets a warm-up, as the raw loop does: the JIT favours whatever ran first otherwise.
        senderLoop(tenant, endpoints, 500);
        long started = System.nanoTime();
        int ok = senderLoop(tenant, endpoints, requests);
        double sender = requests / seconds(started);
        report(String.format(
                "webhook sender (endpoint lookup, address guard, signing, POST): %d to %d endpoints: %.0f/s = %.0f%% of raw (%d ok)",
                requests, ENDPOINTS, sender, 100 * sender / raw, ok));

        int notifications = Integer.getInteger("bench.notifications", 100);
        String warmup = newTenant();
        registerEndpoints(warmup, "/warmup-" + warmup + "/", ENDPOINTS);
        pipeline(warmup, 100, ENDPOINTS);
        drain();
        // Rounds alternate the raw loop and the pipeline, so a change in the machine's speed (a shared machine's
        // neighbours, the JIT) hits both sides of each ratio alike; the median round is the result.
        int rounds = Integer.getInteger("bench.rounds", 6);
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            long rawCpu = cpuNanos();
            double rawNow = rawWebClientLoop("/raw", requests);
            double rawMicros = (cpuNanos() - rawCpu) / 1e3 / requests;
            long senderStarted = System.nanoTime();
            long senderCpu = cpuNanos();
            senderLoop(tenant, endpoints, requests);
            double senderMicros = (cpuNanos() - senderCpu) / 1e3 / requests;
            double senderNow = requests / seconds(senderStarted);
            String roundTenant = newTenant();
            registerEndpoints(roundTenant, "/round-" + roundTenant + "/", ENDPOINTS);
            double pipeline = pipeline(roundTenant, notifications, ENDPOINTS);
            double pipelineMicros = lastPipelineCpuNanos / 1e3 / ((double) notifications * ENDPOINTS);
            drain();
            ratios.add(pipeline / rawNow);
            cpuRatios.add(rawMicros / pipelineMicros);
            report(String.format(
                    "round %d: raw %.0f/s; sender %.0f/s = %.0f%% of raw; dispatch pipeline (stored delivery, claim, attempt log, "
                            + "outcome) %d events x %d endpoints: %.0f deliveries/s = %.0f%% of raw",
                    round,
                    rawNow,
                    senderNow,
                    100 * senderNow / rawNow,
                    notifications,
                    ENDPOINTS,
                    pipeline,
                    100 * pipeline / rawNow));
            report(String.format(
                    "round %d: CPU per raw POST %.0f us, per sender POST %.0f us, per pipeline delivery %.0f us: "
                            + "the pipeline at %.0f%% of raw's CPU efficiency",
                    round, rawMicros, senderMicros, pipelineMicros, 100 * rawMicros / pipelineMicros));
        }
        report(String.format(
                "dispatch pipeline, median of %d rounds: %.0f%% of raw's rate (rounds: %s); %.0f%% of raw's CPU efficiency (rounds: %s)",
                rounds, 100 * median(ratios), percents(ratios), 100 * median(cpuRatios), percents(cpuRatios)));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static List<String> percents(List<Double> ratios) {
        return ratios.stream()
                .map(ratio -> String.format("%.0f%%", 100 * ratio))
                .toList();
    }

    int senderLoop(String tenant, List<String> endpoints, int requests) {
        ChannelSender webhooks = senders.stream()
                .filter(sender -> sender.channel() == Channel.WEBHOOK)
                .findFirst()
                .orElseThrow();
        String body =
                "{\"type\":\"thaw.case.closed\",\"timestamp\":\"2030-01-01T00:00:00Z\",\"data\":{\"caseId\":\"c-1\"}}";
        AtomicInteger ok = new AtomicInteger();
        Flux.range(0, requests)
                .flatMap(
                        i -> webhooks.send(new OutgoingMessage(
                                        new DeliveryId("bench-" + i + "|" + endpoints.get(i % ENDPOINTS) + "|WEBHOOK"),
                                        tenant,
                                        Channel.WEBHOOK,
                                        endpoints.get(i % ENDPOINTS),
                                        endpoints.get(i % ENDPOINTS),
                                        "bench",
                                        null,
                                        body,
                                        "thaw.case.closed",
                                        1))
                                .doOnNext(outcome -> {
                                    if (outcome.succeeded()) {
                                        ok.incrementAndGet();
                                    }
                                }),
                        CONCURRENCY)
                .blockLast();
        return ok.get();
    }

    /**
     * Dispatches {@code notifications} events to the tenant's endpoints (4 at a time, as the event
     * handler would be called) and answers the rate at which deliveries reached DELIVERED: those
     * delivered over the time from the start to the last one's {@code deliveredAt}. Endpoints that
     * fail or time out do not count and do not stretch the time; their attempts go on meanwhile.
     */
    double pipeline(String tenant, int notifications, int expectedDelivered) {
        web.put()
                .uri("/api/v1/notifications/rules/thaw.case.closed")
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .bodyValue(Map.of(
                        "version",
                        0,
                        "urgent",
                        false,
                        "targets",
                        List.of(Map.of("audience", "CLIENT", "channels", List.of("WEBHOOK")))))
                .exchange()
                .expectStatus()
                .isOk();
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        long cpu = cpuNanos();
        Flux.range(0, notifications)
                .flatMap(
                        i -> dispatch.dispatch(new Notification(
                                "bench-event-" + tenant + "-" + i,
                                tenant,
                                "thaw.case.closed",
                                null,
                                false,
                                false,
                                new ConsumedEvents.Closed(null, null, null, null, null, null, "RESTORED"),
                                null)),
                        4)
                .blockLast();
        double stored = seconds(started);
        Query delivered =
                Query.query(Criteria.where("tenantId").is(tenant).and("status").is("DELIVERED"));
        // Every delivery is queued by now; the worker's own idleness (memory) says when the attempts are done. Polling
        // the
        // store instead would load it with scans while it is measured; the rate is taken from deliveredAt either way.
        Instant deadline = Instant.now().plusSeconds(300);
        while (!worker.idle() && Instant.now().isBefore(deadline)) {
            Mono.delay(Duration.ofMillis(20)).block();
        }
        lastPipelineCpuNanos = cpuNanos() - cpu;
        List<Document> done = mongo.find(delivered, Document.class, "deliveries")
                .collectList()
                .block();
        Instant last = done.stream()
                .map(delivery -> delivery.getDate("deliveredAt").toInstant())
                .max(Instant::compareTo)
                .orElse(startedAt);
        double elapsed = Math.max(0.001, Duration.between(startedAt, last).toNanos() / 1e9);
        report(String.format(
                "  %d of %d deliveries DELIVERED in %.1f s (all %d stored and the events acknowledged after %.1f s; window %d..%d)",
                done.size(),
                (long) notifications * expectedDelivered,
                elapsed,
                notifications,
                stored,
                startedAt.toEpochMilli(),
                last.toEpochMilli()));
        return done.size() / elapsed;
    }

    /** Lets the attempts still under way (slow endpoints) finish, so the next measurement starts on an idle worker. */
    void drain() {
        while (!worker.idle()) {
            Mono.delay(Duration.ofMillis(100)).block();
        }
    }

    @Test
    void webhookFanOutWithTenPercentFailing() {
        int notifications = Integer.getInteger("bench.notifications", 100);
        String warmup = newTenant();
        registerEndpoints(warmup, "/warmup-" + warmup + "/", ENDPOINTS);
        pipeline(warmup, 100, ENDPOINTS);
        drain();
        // Alternating rounds, so a change in the machine's load hits both sides alike.
        for (int round = 1; round <= 2; round++) {
            String healthyTenant = newTenant();
            registerEndpoints(healthyTenant, "/healthy-" + healthyTenant + "/", ENDPOINTS);
            double allHealthy = healthyRate(healthyTenant, notifications);
            report(String.format(
                    "round %d: all %d endpoints healthy: %.0f deliveries/s", round, ENDPOINTS, allHealthy));
            for (String mode : List.of("500", "timeout")) {
                String tenant = newTenant();
                String prefix = "/mixed-" + mode + "-" + tenant + "/";
                registerEndpoints(tenant, prefix, ENDPOINTS);
                for (int failing = 0; failing < ENDPOINTS / 10; failing++) {
                    receiver.always(
                            prefix + failing,
                            mode.equals("500")
                                    ? HttpStub.Answer.status(500)
                                    : HttpStub.Answer.status(200).delayed(Duration.ofSeconds(3)));
                }
                double healthy = pipeline(tenant, notifications, ENDPOINTS - ENDPOINTS / 10);
                drain();
                int healthyEndpoints = ENDPOINTS - ENDPOINTS / 10;
                // Per endpoint: each healthy endpoint's rate against an endpoint's rate when all are healthy.
                double kept = (healthy / healthyEndpoints) / (allHealthy / ENDPOINTS);
                report(String.format(
                        "round %d: 10%% failing (%s): the %d healthy endpoints got %.0f deliveries/s = %.1f/s each = %.0f%% of an endpoint's all-healthy rate",
                        round, mode, healthyEndpoints, healthy, healthy / healthyEndpoints, 100 * kept));
            }
        }
    }

    double healthyRate(String tenant, int notifications) {
        double rate = pipeline(tenant, notifications, ENDPOINTS);
        drain();
        return rate;
    }

    /**
     * Schedules {@code bench.reminders} reminders due over {@code bench.spread} seconds, starting
     * {@code bench.lead} seconds after the run starts, with the timers running as in production
     * (scans, look-ahead, claims), and reports how late each fired: a fired reminder stores when it
     * was due ({@code remindAt}) and when it fired. Each reminder names its owner, a staff member
     * of the bench tenant who takes reminders in-app, so each firing also plans, stores, claims
     * and delivers an in-app message, as a real reminder does; the report says how late those were
     * delivered too.
     */
    @Test
    void remindersFireOnTime() {
        int count = Integer.getInteger("bench.reminders", 10_000);
        int spreadSeconds = Integer.getInteger("bench.spread", 120);
        String tenant = newTenant();
        registerStaff(tenant, "Owner", "owner-1", "staff_agent");
        Instant base = Instant.now().plusSeconds(Integer.getInteger("bench.lead", 60));
        timers.start();
        try {
            long scheduling = System.nanoTime();
            Flux.range(0, count)
                    .flatMap(
                            i -> timers.schedule(
                                    "bench-reminder:" + tenant + ":" + i,
                                    ReminderService.REMINDER_TIMER,
                                    tenant,
                                    base.plusMillis((long) i * spreadSeconds * 1000 / count),
                                    Map.of(
                                            "clockId",
                                            "bench-" + i,
                                            "clock",
                                            "TASK_DUE",
                                            "dueAt",
                                            base.plusSeconds(600).toString(),
                                            "urgent",
                                            false,
                                            "label",
                                            "bench",
                                            "minutesBefore",
                                            10,
                                            "ownerUserId",
                                            "owner-1")),
                            8)
                    .blockLast();
            report(String.format("scheduled %d reminders in %.1f s", count, seconds(scheduling)));
            if (Instant.now().isAfter(base)) {
                report("scheduling ran past the first due time; raise -Dbench.lead");
            }
            Instant end = base.plusSeconds(spreadSeconds + 30);
            while (Instant.now().isBefore(end)) {
                Mono.delay(Duration.ofSeconds(1)).block();
            }
            drain();
        } finally {
            timers.stop();
        }
        List<Document> fired = mongo.find(
                        Query.query(Criteria.where("tenantId").is(tenant)), Document.class, "reminders")
                .collectList()
                .block();
        long pending = mongo.count(Query.query(Criteria.where("tenantId").is(tenant)), Timers.TIMERS)
                .block();
        List<Long> lateness = new ArrayList<>();
        for (Document reminder : fired) {
            lateness.add(reminder.getDate("firedAt").getTime()
                    - reminder.getDate("remindAt").getTime());
        }
        report(String.format(
                "%d of %d reminders fired (due over %d s, %d still pending); %s",
                fired.size(), count, spreadSeconds, pending, latenessSummary(lateness)));
        // A reminder's delivery is for the event "reminder:<timer key>@<due time>": lateness from the due time to
        // DELIVERED.
        List<Document> delivered = mongo.find(
                        Query.query(Criteria.where("tenantId")
                                .is(tenant)
                                .and("status")
                                .is("DELIVERED")),
                        Document.class,
                        "deliveries")
                .collectList()
                .block();
        List<Long> deliveredLateness = new ArrayList<>();
        for (Document delivery : delivered) {
            String eventId = delivery.getString("eventId");
            Instant dueAt = Instant.parse(eventId.substring(eventId.lastIndexOf('@') + 1));
            deliveredLateness.add(delivery.getDate("deliveredAt").getTime() - dueAt.toEpochMilli());
        }
        report(String.format(
                "%d in-app deliveries DELIVERED to the owner; from the reminder's due time: %s",
                delivered.size(), latenessSummary(deliveredLateness)));
    }

    static String latenessSummary(List<Long> lateness) {
        List<Long> sorted = new ArrayList<>(lateness);
        Collections.sort(sorted);
        long withinOneSecond = sorted.stream().filter(ms -> ms <= 1000).count();
        return String.format(
                "within 1 s: %d; lateness p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms",
                withinOneSecond,
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * 999 / 1000)),
                sorted.isEmpty() ? -1 : sorted.getLast());
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    @Autowired
    app.thaw.platform.events.EventInbox inbox;

    /**
     * One journey's events as this service receives them (issue 19, docs/benchmarks/platform.md): a HIGH alert, then
     * the case opened, triaged and its three clocks set, all arriving at once (the relay and the Kafka partitions
     * hand them over concurrently), each through the inbox as {@code /internal/events} and the Kafka listener
     * call it, timed from receipt to its effect stored (the inbox's {@code receivedAt} → {@code doneAt}). The tenant
     * has one webhook endpoint for {@code thaw.case.opened} and no recipients, as the journey bench's bank. Journeys
     * run one after another, each once the previous one's deliveries were attempted: this is one event's cost, not a
     * queue's. Command: {@code -Dtest='NotificationBenchmark#journeyEvents' -Dbench.journeys=300 -Dbench.warmup=200}.
     */
    @Test
    void journeyEvents() {
        int journeys = Integer.getInteger("bench.journeys", 300);
        int warmup = Integer.getInteger("bench.warmup", 200);
        String tenant = newTenant();
        web.post()
                .uri("/api/v1/notifications/webhooks")
                .headers(h -> h.setBearerAuth(admin(tenant)))
                .bodyValue(Map.of("url", receiver.url("/journey/" + tenant), "eventTypes", List.of("thaw.case.opened")))
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, List<Long>> micros = new java.util.TreeMap<>();
        long cpu = 0;
        for (int i = 0; i < warmup + journeys; i++) {
            boolean timed = i >= warmup;
            Instant now = Instant.now();
            String alertId = "alt_" + tenant + "_" + i;
            String caseId = "case_" + tenant + "_" + i;
            String reference = "T-" + i;
            Map<String, Object> holder = Map.of("type", "PERSON", "displayName", "Bench Subject " + i);
            List<ThawEventTimed> events = new ArrayList<>();
            events.add(new ThawEventTimed(app.thaw.platform.events.ThawEvent.of(
                    "/thaw/identity-monitor",
                    "thaw.alert.raised",
                    alertId,
                    tenant,
                    now,
                    null,
                    Map.of(
                            "alertId", alertId,
                            "subjectId", "s-" + i,
                            "subjectLabel", "B** S**",
                            "subjectType", "PERSON",
                            "severity", "HIGH",
                            "kind", "IDENTITY_MISUSE",
                            "count", 2))));
            events.add(caseEvent(
                    "thaw.case.opened",
                    tenant,
                    now,
                    1L,
                    caseId,
                    reference,
                    holder,
                    "openedAt",
                    now.toString(),
                    "sourceAlertId",
                    alertId));
            events.add(caseEvent("thaw.case.triaged", tenant, now, 2L, caseId, reference, holder, "confidence", 0.9));
            List<String> clocks = List.of("GOLDEN_15", "RESPONSE", "RESOLUTION");
            for (int c = 0; c < clocks.size(); c++) {
                Map<String, Object> clock = new java.util.LinkedHashMap<>();
                clock.put("caseId", caseId);
                clock.put("reference", reference);
                clock.put("clockId", caseId + "-" + clocks.get(c));
                clock.put("clock", clocks.get(c));
                clock.put(
                        "dueAt",
                        now.plus(Duration.ofMinutes(15L * (c + 1) * (c + 1))).toString());
                clock.put("ownerRole", "staff_agent");
                clock.put("urgent", c == 0);
                clock.put("label", clocks.get(c));
                events.add(new ThawEventTimed(app.thaw.platform.events.ThawEvent.of(
                                "/thaw/case-service", "thaw.case.clock_set", caseId, tenant, now, null, clock)
                        .withSequence(3L + c)));
            }
            long cpuBefore = cpuNanos();
            List<ThawEventTimed> handled = Flux.fromIterable(events)
                    .flatMap(timedEvent -> {
                        long started = System.nanoTime();
                        return inbox.receive(timedEvent.event())
                                .map(outcome ->
                                        new ThawEventTimed(timedEvent.event(), (System.nanoTime() - started) / 1000));
                    })
                    .collectList()
                    .block();
            settle();
            if (timed) {
                cpu += cpuNanos() - cpuBefore;
                for (ThawEventTimed one : handled) {
                    micros.computeIfAbsent(one.event().type(), type -> new ArrayList<>())
                            .add(one.micros());
                    micros.computeIfAbsent("(all)", type -> new ArrayList<>()).add(one.micros());
                }
            }
        }
        report(String.format(
                "journey events: %d journeys of 6 events each (after %d to warm up), the events of a journey at once; "
                        + "JVM CPU per journey %.1f ms",
                journeys, warmup, cpu / 1e6 / journeys));
        micros.forEach((type, values) -> {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            report(String.format(
                    "journey events: %-20s n=%d receipt -> effect stored p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                    type,
                    sorted.size(),
                    percentile(sorted, 50) / 1e3,
                    percentile(sorted, 90) / 1e3,
                    percentile(sorted, 99) / 1e3,
                    sorted.getLast() / 1e3));
        });
    }

    /** An event, and how long its handling took (µs; 0 before it ran). */
    /**
     * case-service's event of {@code type} about an identity-misuse case of {@code holder}, numbered {@code sequence}:
     * the members every such event of the run carries, then the type's own as name, value pairs.
     */
    private static ThawEventTimed caseEvent(
            String type,
            String tenant,
            Instant now,
            long sequence,
            String caseId,
            String reference,
            Object holder,
            Object... members) {
        List<Object> named = new ArrayList<>(List.of("reference", reference, "holder", holder));
        named.addAll(List.of(members));
        return new ThawEventTimed(app.thaw.platform.events.ThawEvent.of(
                        "/thaw/case-service",
                        type,
                        caseId,
                        tenant,
                        now,
                        null,
                        app.thaw.notifications.NotificationsTestBase.caseData(
                                caseId, "IDENTITY_MISUSE", false, named.toArray()))
                .withSequence(sequence));
    }

    record ThawEventTimed(app.thaw.platform.events.ThawEvent event, long micros) {

        ThawEventTimed(app.thaw.platform.events.ThawEvent event) {
            this(event, 0);
        }
    }
}

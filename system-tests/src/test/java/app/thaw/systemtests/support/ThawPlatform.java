package app.thaw.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole of Thaw, started once per test run and shared by every system test: a real Keycloak
 * from its official distribution with the realm imported, the embedded store in its own JVM, the
 * four services and the gateway, each on a free port so a developer's own {@code ./thaw up} can
 * keep running. Stopped when the run ends.
 *
 * <p>Use it with {@code @ExtendWith(ThawPlatform.class)} and take it as a test parameter.
 */
public final class ThawPlatform implements BeforeAllCallback, ParameterResolver, AutoCloseable {

    /** Services by area (the path segment after /api/v1/), with their application names. */
    public static final Map<String, String> SERVICES = Map.of(
            "cases", "case-service",
            "evidence", "evidence-service",
            "notifications", "notification-service",
            "monitor", "identity-monitor");

    /** Small enough that a test can pass it in a second, large enough for every other test. */
    public static final int RATE_LIMIT_BURST = 60;

    /**
     * How long each process may take to become ready. Keycloak re-augments on every start-dev, which
     * took 150 s alone on this 2-core machine under a load average of 40 (several builds at once).
     */
    private static final Duration READY_WITHIN = Duration.ofSeconds(Long.getLong("thaw.ready-within-seconds", 480));

    private final Path root = Path.of(System.getProperty("thaw.root", ".."));
    private final String version = System.getProperty("thaw.version", "0.1.0-SNAPSHOT");
    private final Path work;
    private final Path keycloakHome;
    /**
     * The scaled shape (ADR 91, {@link ScaledThawPlatform}): a KRaft Kafka broker in this JVM, two instances of each
     * service ({@code <name>} and {@code <name>-2}) on the same store with {@code thaw.events.transport=kafka},
     * and the gateway balancing across both.
     */
    private final boolean scaled;

    private org.springframework.kafka.test.@Nullable EmbeddedKafkaKraftBroker kafka;

    /**
     * The scaled shape's fast start (ADR 92): each service from the runner's AOT cache for its jar where one is trained
     * ({@code ./thaw up} trains them); {@code -Dthaw.fast-start=train} trains the missing ones first (on a cold build
     * that cost more than it saved: ADR 92), {@code off} starts every service from its jar. Null on the default shape.
     */
    private final @Nullable FastStart fastStart;

    private final boolean trainFastStart = "train".equals(System.getProperty("thaw.fast-start"));

    public ThawPlatform() {
        this(false);
    }

    ThawPlatform(boolean scaled) {
        this.scaled = scaled;
        String suffix = scaled ? "-scaled" : "";
        this.work = Path.of(System.getProperty("thaw.work", "target/system") + suffix);
        // The scaled platform has a Keycloak of its own (another unpacked copy), so it can run beside the shared one.
        this.keycloakHome = Path.of(
                System.getProperty("thaw.keycloak" + (scaled ? ".scaled" : "") + ".home", "target/keycloak" + suffix));
        this.fastStart = scaled && !"off".equals(System.getProperty("thaw.fast-start"))
                ? new FastStart(root, version, javaExecutable)
                : null;
    }

    private final String javaExecutable =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    /** Every process exports its spans here, so a test can follow one trace across them. */
    private final OtlpReceiver traces = new OtlpReceiver();

    private int keycloakPort;
    private int gatewayPort;
    private int storePort;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ThawPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /** The run's one platform: started by the first test class that asks, or that start's failure again. */
    private static ThawPlatform shared(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Startup.class, key -> Startup.attempt(ThawPlatform::start), Startup.class)
                .platform();
    }

    private static ThawPlatform start() {
        ThawPlatform platform = new ThawPlatform();
        platform.launch();
        return platform;
    }

    static ThawPlatform startScaled() {
        ThawPlatform platform = new ThawPlatform(true);
        platform.launch();
        return platform;
    }

    /**
     * How the one start went. A failed start is remembered, so every later test class fails at once
     * with its cause, instead of starting Keycloak and the services again and waiting up to
     * {@link #READY_WITHIN} each time (a dozen classes could hold a CI run for hours).
     */
    record Startup(@Nullable ThawPlatform started, @Nullable RuntimeException failure) {

        static Startup attempt(java.util.function.Supplier<ThawPlatform> start) {
            try {
                return new Startup(start.get(), null);
            } catch (RuntimeException failure) {
                return new Startup(null, failure);
            }
        }

        ThawPlatform platform() {
            if (failure != null) {
                throw new IllegalStateException(
                        "Thaw did not start for the system tests (an earlier test class tried): "
                                + failure.getMessage(),
                        failure);
            }
            return java.util.Objects.requireNonNull(started);
        }
    }

    private void launch() {
        try {
            deleteRecursively(work);
            deleteRecursively(keycloakHome.resolve("data/h2"));
            Files.createDirectories(keycloakHome.resolve("data/import"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path logs = work.resolve("logs");
        keycloakPort = freePort();
        storePort = freePort();
        gatewayPort = freePort();
        importRealmFor(gatewayUrl());
        String issuer = keycloakUrl() + "/realms/thaw";

        processes.put(
                "keycloak",
                new ManagedProcess(
                        "keycloak",
                        keycloakPort,
                        List.of(
                                keycloakHome.resolve("bin/kc.sh").toString(),
                                "start-dev",
                                "--http-port=" + keycloakPort,
                                "--hostname=http://localhost:" + keycloakPort,
                                "--import-realm"),
                        scaled
                                ? Map.of(
                                        "JAVA_HOME",
                                        System.getProperty("java.home"),
                                        "KC_BOOTSTRAP_ADMIN_USERNAME",
                                        "admin",
                                        "KC_BOOTSTRAP_ADMIN_PASSWORD",
                                        "admin",
                                        "JAVA_OPTS",
                                        KEYCLOAK_JVM_OPTS)
                                : Map.of(
                                        "JAVA_HOME",
                                        System.getProperty("java.home"),
                                        "KC_BOOTSTRAP_ADMIN_USERNAME",
                                        "admin",
                                        "KC_BOOTSTRAP_ADMIN_PASSWORD",
                                        "admin",
                                        "JAVA_OPTS_KC_HEAP",
                                        "-Xms64m -Xmx512m"),
                        URI.create(issuer + "/.well-known/openid-configuration"),
                        logs));

        ManagedProcess store = new ManagedProcess(
                "store",
                storePort,
                List.of(
                        javaExecutable,
                        "-Xmx512m",
                        "-jar",
                        jar("embedded-store").toString(),
                        "--data",
                        work.resolve("store.mv").toString(),
                        "--port",
                        Integer.toString(storePort)),
                Map.of(),
                URI.create("http://127.0.0.1:" + storePort + "/"),
                logs);
        processes.put("store", store);

        // Registered before anything starts: a run stopped while the platform starts leaves no process behind.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "thaw-system-tests-shutdown"));
        long launched = System.nanoTime();
        List<ManagedProcess> early = List.copyOf(processes.values());
        early.forEach(ManagedProcess::start);
        try {
            // The store speaks the MongoDB protocol, not HTTP: its "ready" is an open port, checked first (as patient
            // as
            // the others: at a load of 58 on 2 cores its JVM took more than a minute to listen).
            awaitPort(storePort, READY_WITHIN, store);
            // The scaled shape starts every service from its AOT cache (ADR 100, 92) where it has one for its jar as
            // built; with -Dthaw.fast-start=train the missing ones are trained now, while Keycloak boots.
            if (fastStart != null && trainFastStart) {
                // Two at a time, one per core.
                try (var training = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                    for (String module : FastStart.MODULES) {
                        training.submit(() -> {
                            Duration took = fastStart.prepare(
                                    module,
                                    "mongodb://127.0.0.1:" + storePort + "/thaw-fast-start-" + module,
                                    issuer,
                                    logs);
                            System.out.printf(
                                    "THAW_START %-22s AOT cache %s%n",
                                    module,
                                    !fastStart.ready(module)
                                            ? "none (starts from its jar)"
                                            : took.isZero() ? "reused" : "trained in " + took.toSeconds() + " s");
                        });
                    }
                }
            } else if (fastStart != null) {
                FastStart.MODULES.forEach(module -> System.out.printf(
                        "THAW_START %-22s AOT cache %s%n",
                        module, fastStart.ready(module) ? "reused" : "none (starts from its jar)"));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }

        Map<String, String> serviceUrls = new LinkedHashMap<>();
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        SERVICES.forEach((area, name) -> {
            for (String instance : instancesOf(name)) {
                servicePorts.put(instance, freePort());
            }
            serviceUrls.put("THAW_" + area.toUpperCase() + "_URL", "http://localhost:" + servicePorts.get(name));
        });
        if (scaled) {
            org.springframework.kafka.test.EmbeddedKafkaKraftBroker broker =
                    new org.springframework.kafka.test.EmbeddedKafkaKraftBroker(1, 6);
            // A group forms at once instead of waiting for more members; instances come and go in these tests.
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.brokerProperty("offsets.topic.num.partitions", "6");
            broker.afterPropertiesSet();
            kafka = broker;
        }
        // Both instances of a service share its keysets, as under ./thaw up --scale.
        Path keys = work.resolve("keys");
        SERVICES.forEach((area, service) -> instancesOf(service).forEach(name -> {
            Map<String, String> environment = new LinkedHashMap<>(serviceUrls);
            environment.put(
                    "THAW_MONITOR_KEYSET_DIR", keys.resolve("identity-monitor").toString());
            environment.put(
                    "THAW_NOTIFICATIONS_KEYSET_DIR",
                    keys.resolve("notification-service").toString());
            if (kafka != null) {
                environment.put("THAW_EVENTS_TRANSPORT", "kafka");
                environment.put("THAW_EVENTS_KAFKA_BOOTSTRAPSERVERS", kafka.getBrokersAsString());
            }
            environment.put("MONGODB_URI", "mongodb://127.0.0.1:" + storePort + "/" + area);
            environment.put("THAW_SECURITY_ISSUER_URI", issuer);
            environment.put("THAW_PUBLIC_URL", gatewayUrl());
            // Events between the services, each with its own client (as ./thaw up does).
            environment.put("THAW_EVENTS_CLIENT_ID", name);
            environment.put("THAW_EVENTS_CLIENT_SECRET", name + "-dev-secret");
            // The journeys move time ("24 hours later") through /internal/clock; only this profile allows it.
            environment.put("SPRING_PROFILES_ACTIVE", "test-clock");
            environment.put("THAW_CLOCK_CONTROLLABLE", "true");
            // A claim on an Idempotency-Key whose instance died lapses in seconds, so the reliability tests need not
            // wait a minute.
            environment.put("THAW_IDEMPOTENCY_LEASE", "15s");
            // The tests' own webhook receivers listen on loopback (the address guard refuses it otherwise).
            environment.put("THAW_WEBHOOKS_ALLOWED_PRIVATE_HOSTS", "localhost");
            // Tenant globex may upload files up to 2 GB (FrontDoorIT streams 512 MiB through the gateway);
            // every other tenant keeps the default 100 MB.
            List<String> arguments = service.equals("evidence-service")
                    ? List.of("--thaw.evidence.tenants.globex.max-upload-size=2GB")
                    : List.of();
            processes.put(name, application(service, name, servicePorts.get(name), environment, arguments, logs));
        }));
        Map<String, String> gatewayEnvironment = new LinkedHashMap<>(serviceUrls);
        gatewayEnvironment.put("THAW_SECURITY_ISSUER_URI", issuer);
        gatewayEnvironment.put("THAW_CONSOLE_CLIENT_SECRET", "thaw-gateway-dev-secret");
        List<String> gatewayArguments = new ArrayList<>(
                List.of("--thaw.gateway.limits.burst=" + RATE_LIMIT_BURST, "--thaw.gateway.limits.sustained=5"));
        if (scaled) {
            // lb://<service> over a static list of both instances (Spring Cloud LoadBalancer, health-checked).
            SERVICES.forEach((area, service) -> {
                gatewayEnvironment.put("THAW_" + area.toUpperCase() + "_URL", "lb://" + service);
                List<String> instances = instancesOf(service);
                for (int i = 0; i < instances.size(); i++) {
                    gatewayArguments.add("--spring.cloud.discovery.client.simple.instances." + service + "[" + i
                            + "].uri=http://localhost:" + servicePorts.get(instances.get(i)));
                }
            });
        }
        processes.put(
                "gateway", application("gateway", "gateway", gatewayPort, gatewayEnvironment, gatewayArguments, logs));

        // On the scaled shape every second instance starts once its first is ready (below).
        List<ManagedProcess> later = processes.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("-2"))
                .map(Map.Entry::getValue)
                .toList();
        processes.values().stream()
                .filter(process -> !early.contains(process) && !later.contains(process))
                .forEach(ManagedProcess::start);
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        // Each process waited for on a thread of its own (the common pool has one thread on a 2-core machine).
        try (var waiting = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            processes.values().stream()
                    .filter(process -> process != store && !later.contains(process))
                    .forEach(process ->
                            waits.add(CompletableFuture.runAsync(() -> process.awaitReady(READY_WITHIN), waiting)));
            // A second instance starts once its first is ready: never twelve JVMs starting at once on two cores, and
            // the
            // keysets both share are there (two generating at once would each write their own).
            for (ManagedProcess second : later) {
                ManagedProcess first = processes.get(second.name.substring(0, second.name.length() - 2));
                waits.add(CompletableFuture.runAsync(
                        () -> {
                            first.awaitReady(READY_WITHIN);
                            second.start();
                            second.awaitReady(READY_WITHIN);
                        },
                        waiting));
            }
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        System.out.printf(
                "THAW_START %s platform ready after %.1f s%n",
                scaled ? "scaled" : "default", (System.nanoTime() - launched) / 1e9);
    }

    /**
     * Keycloak's own defaults (kc.sh) with the serial collector instead of G1 and a bounded heap, as {@code ./thaw} sets
     * them ({@code KEYCLOAK_JVM_OPTS}): setting JAVA_OPTS replaces kc.sh's defaults as a whole.
     */
    private static final String KEYCLOAK_JVM_OPTS =
            "-XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Dfile.encoding=UTF-8"
                    + " -Dsun.stdout.encoding=UTF-8 -Dsun.err.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8"
                    + " -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/urandom -XX:+UseSerialGC -Xss512k"
                    + " -XX:FlightRecorderOptions=stackdepth=512 -Djdk.tls.rejectClientInitiatedRenegotiation=true -Xms64m -Xmx512m";

    /**
     * The realm as ./thaw imports it: the gateway client's exact redirect and logout addresses name
     * the gateway's real port rather than the default 8080.
     */
    private void importRealmFor(String gatewayUrl) {
        try {
            String realm = Files.readString(root.resolve("infra/keycloak/thaw-realm.json"));
            Files.writeString(
                    keycloakHome.resolve("data/import/thaw-realm.json"),
                    realm.replace("http://localhost:8080", gatewayUrl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instances of a service: itself, and in the scaled shape {@code <name>-2} too. */
    public List<String> instancesOf(String service) {
        return scaled ? List.of(service, service + "-2") : List.of(service);
    }

    public boolean scaled() {
        return scaled;
    }

    private ManagedProcess application(
            String name, int port, Map<String, String> environment, List<String> arguments, Path logs) {
        return application(name, name, port, environment, arguments, logs);
    }

    private ManagedProcess application(
            String module, String name, int port, Map<String, String> environment, List<String> arguments, Path logs) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("PORT", Integer.toString(port));
        env.put("THAW_OTLP_ENDPOINT", traces.endpoint());
        // Every trace is kept here (the default samples a share): the tests follow single traces end to end.
        env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
        List<String> command = new ArrayList<>(List.of(javaExecutable));
        if (fastStart != null) {
            // The runner's settings for two cores (the AOT cache was trained with them) and C1 only, then the module
            // from its cache where it has one.
            command.addAll(FastStart.JVM_OPTIONS);
            command.add("-XX:TieredStopAtLevel=1");
            jar(module);
            command.addAll(fastStart.launch(module));
        } else {
            command.addAll(List.of(
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar(module).toString()));
        }
        command.addAll(arguments);
        return new ManagedProcess(
                name, port, command, env, URI.create("http://localhost:" + port + "/actuator/health/readiness"), logs);
    }

    private Path jar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "Missing " + jar + ": run the system tests through ./mvnw verify from the project root");
        }
        return jar;
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    /** The URL of a service reached directly, bypassing the gateway. */
    public String serviceUrl(String name) {
        return "http://localhost:" + processes.get(name).port;
    }

    /** Every component's name: keycloak, store, each service instance, gateway. */
    public List<String> components() {
        return List.copyOf(processes.keySet());
    }

    /** The resident memory (RSS) of one component's process in bytes, or -1 where /proc is not there. */
    public long residentBytes(String name) {
        return processes.get(name).residentBytes();
    }

    public void stopService(String name) {
        processes.get(name).stop();
    }

    /** Where every process's log is written. */
    public Path logs() {
        return work.resolve("logs");
    }

    /** Whether the service's process runs and answers ready now (a killed or restarting instance does not). */
    public boolean isReady(String name) {
        return processes.get(name).answersReady();
    }

    /** Kills the service's process outright ({@code kill -9}), as a crash would. */
    public void killService(String name) {
        processes.get(name).kill();
    }

    /** The MongoDB URI of a service's database in the store the platform runs on (area: cases, evidence, ...). */
    public String storeUri(String area) {
        return "mongodb://127.0.0.1:" + storePort + "/" + area;
    }

    public void startService(String name) {
        startService(name, Map.of());
    }

    /** Starts the service again with {@code environment} on top of its own (a restart joining its peers' clock). */
    public void startService(String name, Map<String, String> environment) {
        ManagedProcess process = processes.get(name);
        process.start(environment);
        // At least two minutes; on a loaded machine as long as a first start may take.
        process.awaitReady(
                READY_WITHIN.compareTo(Duration.ofSeconds(120)) > 0 ? READY_WITHIN : Duration.ofSeconds(120));
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ManagedProcess> reversed = new ArrayList<>(processes.values());
        Collections.reverse(reversed);
        reversed.forEach(ManagedProcess::requestStop);
        reversed.forEach(ManagedProcess::stop);
        traces.close();
        if (kafka != null) {
            kafka.destroy();
        }
    }

    /** The spans every Thaw process has exported so far. */
    public OtlpReceiver traces() {
        return traces;
    }

    private static void awaitPort(int port, Duration timeout, ManagedProcess owner) {
        try {
            Awaitility.await(owner.name + " listening on " + port)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        try (var socket = new Socket("127.0.0.1", port)) {
                            return true;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(owner.name + " did not open port " + port + ":\n" + owner.tail(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

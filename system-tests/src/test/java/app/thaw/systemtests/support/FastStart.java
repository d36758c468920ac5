package app.thaw.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The runner's fast start (docs/adr/0100-fast-start-with-aot-caches.md) for the scaled platform (ADR 92): each
 * module's JDK AOT cache in {@code <module>/target/fast-start-<jar's mtime>/} — the very folder {@code ./thaw up}
 * trains and uses, so a cache either of them trained serves both — with the jar extracted beside it. A module
 * whose cache is missing is trained here as the runner does it: its application context started once with
 * {@code -XX:AOTMode=record -Dspring.context.exit=onRefresh} (free port, scratch keysets, a scratch database of
 * its own), then the cache assembled with {@code -XX:AOTMode=create}. Training and use share one set of JVM
 * options ({@link #JVM_OPTIONS}, the runner's), so the JVM accepts the cache.
 */
final class FastStart {

    /** The modules with a cache: every Spring Boot application the platform starts. */
    static final List<String> MODULES =
            List.of("case-service", "evidence-service", "notification-service", "identity-monitor", "gateway");

    /**
     * The runner's JVM settings for a 2-core machine ({@code JVM_OPTS} and {@code -Xmx256m} in {@code ./thaw}): the
     * serial collector, a small initial heap, bounded metaspace, code cache, direct memory and thread stacks; on JDK 23
     * and later Netty's use of Unsafe allowed (ADR 104).
     */
    static final List<String> JVM_OPTIONS = Stream.concat(
                    Stream.of(
                            "-XX:+UseSerialGC",
                            "-Xms32m",
                            "-Xss512k",
                            "-XX:MaxMetaspaceSize=192m",
                            "-XX:ReservedCodeCacheSize=64m",
                            "-XX:MaxDirectMemorySize=128m",
                            "-Xmx256m"),
                    Runtime.version().feature() >= 23
                            ? Stream.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED")
                            : Stream.empty())
            .toList();

    private final Path root;
    private final String version;
    private final String java;

    FastStart(Path root, String version, String java) {
        this.root = root;
        this.version = version;
        this.java = java;
    }

    Path jar(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
    }

    /** The cache's folder for the module's jar as built now (a rebuilt jar has another). */
    Path dir(String module) {
        try {
            long mtime = Files.getLastModifiedTime(jar(module)).to(TimeUnit.SECONDS);
            return root.resolve(module).resolve("target").resolve("fast-start-" + mtime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean ready(String module) {
        return Files.isRegularFile(dir(module).resolve("trained"));
    }

    /** The java arguments that start the module: its trained cache and extracted jar, else the jar as built. */
    List<String> launch(String module) {
        if (!ready(module)) {
            return List.of("-jar", jar(module).toString());
        }
        Path dir = dir(module);
        return List.of(
                "-XX:AOTCache=" + dir.resolve("app.aot"),
                "-jar",
                dir.resolve("app").resolve(jar(module).getFileName()).toString());
    }

    /**
     * Trains the module's cache unless it has one; the store must answer at {@code storeUri}'s host. Answers how
     * long it took, or zero when the cache was there. A failed training leaves no cache: the module starts from its
     * jar.
     */
    Duration prepare(String module, String storeUri, String issuer, Path logs) {
        if (ready(module)) {
            return Duration.ZERO;
        }
        long started = System.nanoTime();
        Path dir = dir(module);
        Path log = logs.resolve("fast-start-" + module + ".log");
        Path scratch = null;
        try {
            Files.createDirectories(logs);
            deleteRecursively(dir);
            Files.createDirectories(dir);
            scratch = Files.createTempDirectory("thaw-fast-start-");
            Path extracted = dir.resolve("app").resolve(jar(module).getFileName());
            run(
                    List.of(
                            java,
                            "-Djarmode=tools",
                            "-jar",
                            jar(module).toString(),
                            "extract",
                            "--destination",
                            dir.resolve("app").toString()),
                    Map.of(),
                    log);
            List<String> record = new ArrayList<>(List.of(java));
            record.addAll(JVM_OPTIONS);
            record.addAll(List.of(
                    "-XX:AOTMode=record",
                    "-XX:AOTConfiguration=" + dir.resolve("app.aotconf"),
                    "-Dspring.context.exit=onRefresh",
                    "-jar",
                    extracted.toString()));
            run(
                    record,
                    Map.of(
                            "PORT",
                            "0",
                            "SERVER_ADDRESS",
                            "127.0.0.1",
                            "MONGODB_URI",
                            storeUri,
                            "THAW_SECURITY_ISSUER_URI",
                            issuer,
                            "THAW_MONITOR_KEYSET_DIR",
                            scratch.resolve("keys").toString(),
                            "THAW_NOTIFICATIONS_KEYSET_DIR",
                            scratch.resolve("keys").toString()),
                    log);
            if (Files.size(dir.resolve("app.aotconf")) > 0) {
                List<String> create = new ArrayList<>(List.of(java));
                create.addAll(JVM_OPTIONS);
                create.addAll(List.of(
                        "-XX:AOTMode=create",
                        "-XX:AOTConfiguration=" + dir.resolve("app.aotconf"),
                        "-XX:AOTCache=" + dir.resolve("app.aot"),
                        "-jar",
                        extracted.toString()));
                run(create, Map.of(), log);
            }
            Files.deleteIfExists(dir.resolve("app.aotconf"));
            if (Files.isRegularFile(dir.resolve("app.aot")) && Files.size(dir.resolve("app.aot")) > 0) {
                Files.createFile(dir.resolve("trained"));
            } else {
                deleteRecursively(dir);
            }
        } catch (IOException | RuntimeException e) {
            System.out.printf(
                    "THAW_START fast start failed for %s (%s): it starts from its jar; see %s%n", module, e, log);
            try {
                deleteRecursively(dir);
            } catch (IOException ignored) {
                // what is left has no 'trained' mark, so it is never used
            }
        } finally {
            if (scratch != null) {
                try {
                    deleteRecursively(scratch);
                } catch (IOException ignored) {
                    // a temporary folder
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void run(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // As the runner does, the outcome is judged by the files made, not by exit codes (a training start exits
        // on refresh).
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

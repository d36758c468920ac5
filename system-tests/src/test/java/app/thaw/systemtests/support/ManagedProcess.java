package app.thaw.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One component of Thaw running as a process of its own, with its output in a log file and a
 * URL that answers 200 once it is ready. Stopping it stops its child processes too (Keycloak's
 * launcher script starts a JVM).
 */
final class ManagedProcess {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final URI readyUrl;
    private final Path log;
    private Process process;
    private long startedNanos;
    /** Reported once per start: how long it took to be ready and the CPU it spent getting there. */
    private volatile boolean readyReported;

    ManagedProcess(
            String name, int port, List<String> command, Map<String, String> environment, URI readyUrl, Path logDir) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.environment = environment;
        this.readyUrl = readyUrl;
        this.log = logDir.resolve(name + ".log");
    }

    void start() {
        start(Map.of());
    }

    /** Starts it with {@code more} on top of its environment (for this start only). */
    void start(Map<String, String> more) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().putAll(more);
            startedNanos = System.nanoTime();
            readyReported = false;
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    /** Polls the ready URL until it answers 200; fails early, with the log's tail, if the process dies. */
    void awaitReady(Duration timeout) {
        try {
            Awaitility.await(name + " ready")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    name + " exited with " + process.exitValue() + " while starting:\n" + tail());
                        }
                        return isReady();
                    });
            reportReady();
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    name + " was not ready within " + timeout.toSeconds() + " s:\n" + tail(), e);
        }
    }

    /** Whether it runs and its ready URL answers 200 now. */
    boolean answersReady() {
        return process != null && process.isAlive() && isReady();
    }

    private boolean isReady() {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(readyUrl)
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Prints, once per start, the seconds from start to ready, the CPU seconds the process (and its children: Keycloak's
     * launcher) spent until then, and the machine's load average, as {@code THAW_START} lines: where a platform's start
     * time goes.
     */
    private void reportReady() {
        if (readyReported) {
            return;
        }
        readyReported = true;
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            load = "?";
        }
        System.out.printf(
                "THAW_START %-22s ready after %6.1f s, CPU %6.1f s, load %s%n", name, wall, cpuSeconds(), load);
    }

    /** CPU seconds (user + system) the running process and its descendants have used, or -1 where /proc is not there. */
    double cpuSeconds() {
        Process running = process;
        if (running == null) {
            return -1;
        }
        double sum = cpuSeconds(running.pid());
        if (sum < 0) {
            return -1;
        }
        for (ProcessHandle child : running.descendants().toList()) {
            sum += Math.max(0, cpuSeconds(child.pid()));
        }
        return sum;
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After the command's name in parentheses: state is field 3, utime 14, stime 15, and the children it has
            // waited for (cutime 16, cstime 17: Keycloak's one-time build), in clock ticks (100/s).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field = 11; field <= 14; field++) {
                ticks += Long.parseLong(fields[field]);
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The resident memory of the running process in bytes (Linux /proc), or -1. */
    long residentBytes() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return -1;
        }
        try {
            for (String line : java.nio.file.Files.readAllLines(
                    java.nio.file.Path.of("/proc", Long.toString(running.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** {@code kill -9}: no shutdown hook, no graceful drain — as a crash leaves things. */
    void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks the process (and its children) to stop, without waiting: a platform asks all of its processes first, then
     * waits for each ({@link #stop}), so stopping eleven JVMs on a loaded machine fits within the time the test JVM
     * is given to exit (a sequential stop did not, on 2026-12-07, and left the last ones running).
     */
    void requestStop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}

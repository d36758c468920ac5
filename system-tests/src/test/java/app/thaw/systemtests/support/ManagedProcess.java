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
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
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
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    name + " was not ready within " + timeout.toSeconds() + " s:\n" + tail(), e);
        }
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

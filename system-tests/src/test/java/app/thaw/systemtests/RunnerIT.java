package app.thaw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import app.thaw.systemtests.support.Keycloak;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The README's first command, as a newcomer runs it: {@code ./thaw up} brings Thaw up and a real
 * token passes the gateway; {@code up} again changes nothing; {@code ./thaw down} leaves no process
 * behind. The first start in a clean build includes Keycloak's one-time build step (about 45 s). It runs in its own state folder with every port shifted by {@link #PORT_OFFSET}, so a
 * developer's own {@code ./thaw up} is untouched; if those ports are taken it is skipped, saying so.
 */
@Order(1)
class RunnerIT {

    static final int PORT_OFFSET = 10_000;
    static final int GATEWAY = 8080 + PORT_OFFSET;
    static final int KEYCLOAK = 8180 + PORT_OFFSET;
    static final List<Integer> PORTS = List.of(
            GATEWAY,
            KEYCLOAK,
            27018 + PORT_OFFSET,
            8081 + PORT_OFFSET,
            8082 + PORT_OFFSET,
            8083 + PORT_OFFSET,
            8084 + PORT_OFFSET);

    final Path root =
            Path.of(System.getProperty("thaw.root", "..")).toAbsolutePath().normalize();
    final Path state = Path.of(System.getProperty("thaw.work", "target/system"))
            .toAbsolutePath()
            .resolveSibling("runner-state");

    @Test
    void upBringsThawUpForARealTokenUpAgainChangesNothingAndDownLeavesNoProcess() throws Exception {
        assumeTrue(
                PORTS.stream().noneMatch(RunnerIT::listening),
                "ports " + PORTS + " are in use, so ./thaw up with THAW_PORT_OFFSET=" + PORT_OFFSET
                        + " cannot be tried here");
        // A fresh start each run (a local rerun keeps target/): reset stops anything left and deletes the data.
        Run reset = thaw("reset");
        assertThat(reset.exitCode()).as(reset.output()).isZero();
        Run down;
        try {
            Run up = thaw("up");
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(up.output())
                    .contains(
                            "Thaw is up.",
                            "http://localhost:" + GATEWAY + "/swagger-ui.html",
                            "acme-admin",
                            "demo-bank / demo-bank-secret");
            // The services' generated keysets live in the state folder, wherever ./thaw is run from: keys made
            // elsewhere on another run would not open what these sealed (webhook secrets, monitored identifiers).
            assertThat(state.resolve("keys/identity-monitor/aead.json")).exists();
            assertThat(state.resolve("keys/notification-service/webhook-secrets.json"))
                    .exists();
            if (Runtime.version().feature() >= 25) {
                // Fast start (ADR 100): the services start from their AOT caches, or — new jars — the caches are
                // being trained in the background for the next start, which `down` below must stop too (no
                // process with the runner's mark may be left).
                String mark = "-Dthaw.runner=" + state;
                boolean cached = ProcessHandle.allProcesses()
                        .map(process -> process.info().commandLine().orElse(""))
                        .anyMatch(line -> line.contains(mark) && line.contains("-XX:AOTCache="));
                assertThat(cached || up.output().contains("Preparing a faster next start in the background"))
                        .as(up.output())
                        .isTrue();
            }

            WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + GATEWAY)
                    .responseTimeout(Duration.ofSeconds(15))
                    .build()
                    .get()
                    .uri("/api/v1/cases/whoami")
                    .headers(h -> h.setBearerAuth(
                            new Keycloak("http://localhost:" + KEYCLOAK).clientToken("demo-bank", "demo-bank-secret")))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.tenantId")
                    .isEqualTo("bank-demo");

            Run again = thaw("up");
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).doesNotContain("Starting").contains("Thaw is up.");

            Run status = thaw("status");
            assertThat(status.output().lines().filter(line -> line.endsWith(" ready")))
                    .hasSize(7);
        } finally {
            down = thaw("down");
        }
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(thaw("status").output().lines().filter(line -> line.endsWith(" stopped")))
                .hasSize(7);
        String mark = "-Dthaw.runner=" + state;
        assertThat(ProcessHandle.allProcesses()
                        .filter(process -> process.info()
                                .commandLine()
                                .map(line -> line.contains(mark))
                                .orElse(false))
                        .map(process -> process.pid() + " "
                                + process.info().commandLine().orElse("")))
                .as("processes left behind by ./thaw down")
                .isEmpty();
    }

    private Run thaw(String command) throws IOException, InterruptedException {
        Files.createDirectories(state);
        Path output = Files.createTempFile(state, command, ".out");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("thaw").toString(), command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("THAW_STATE_DIR", state.toString());
        builder.environment().put("THAW_PORT_OFFSET", Integer.toString(PORT_OFFSET));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(8, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "./thaw " + command + " did not finish within 8 minutes:\n" + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    record Run(int exitCode, String output) {}
}

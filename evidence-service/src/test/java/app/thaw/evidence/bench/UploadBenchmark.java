package app.thaw.evidence.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import app.thaw.evidence.EvidenceServiceApplication;
import app.thaw.platform.testing.TestTokens;
import app.thaw.store.EmbeddedStoreMain;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The upload load run of docs/benchmarks/evidence-service.md, skipped unless {@code -Dbench=true}:
 * the embedded store in a JVM of its own, the service in another at {@code -Xmx256m}; 1 GiB
 * uploaded through the service's raw streaming endpoint, and the same bytes uploaded by the plain
 * reactive driver's GridFS into the same store (1 MiB chunks both). Prints BENCH lines.
 * Not a timed test: it asserts only that the upload succeeded with the right hash and the
 * service survived; the numbers are for docs/benchmarks/evidence-service.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class UploadBenchmark {

    private static final long SIZE = Long.getLong("bench.bytes", 1024L * 1024 * 1024);
    private static final int BLOCK = 64 * 1024;

    @Test
    void oneGibThroughTheServiceAt256MibHeapAgainstAPlainDriverUpload() throws Exception {
        Path work = Files.createTempDirectory("evidence-bench");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        int storePort = freePort();
        int servicePort = freePort();
        List<Process> processes = new ArrayList<>();
        try (TestTokens tokens = new TestTokens()) {
            Process store = start(
                    processes,
                    work.resolve("store.log"),
                    java,
                    "-Xmx512m",
                    "-cp",
                    classpath,
                    EmbeddedStoreMain.class.getName(),
                    "--data",
                    work.resolve("store.mv").toString(),
                    "--port",
                    String.valueOf(storePort));
            awaitLine(store, work.resolve("store.log"), "THAW_STORE_READY");

            ProcessBuilder service = new ProcessBuilder(
                    java,
                    "-Xmx256m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-cp",
                    classpath,
                    EvidenceServiceApplication.class.getName(),
                    "--server.port=" + servicePort,
                    "--thaw.security.jwk-set-uri=" + tokens.jwkSetUri(),
                    "--thaw.events.relay.enabled=false",
                    "--thaw.evidence.tenants.bench.max-upload-size=2GB",
                    "--thaw.evidence.dossier.signing-key-file=" + work.resolve("key.jwk.json"));
            service.environment().put("MONGODB_URI", "mongodb://127.0.0.1:" + storePort + "/evidence");
            service.redirectErrorStream(true)
                    .redirectOutput(work.resolve("service.log").toFile());
            Process serviceProcess = service.start();
            processes.add(serviceProcess);
            String base = "http://127.0.0.1:" + servicePort;
            HttpClient http = HttpClient.create().responseTimeout(Duration.ofMinutes(10));
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> http.get()
                                    .uri(base + "/actuator/health/readiness")
                                    .response()
                                    .block()
                                    .status()
                                    .code()
                            == 200);

            String caseId = "bench-" + UUID.randomUUID();
            String event = """
                    {"specversion":"1.0","id":"%s","source":"/thaw/case-service","type":"thaw.case.opened","subject":"%s",
                     "time":"%s","tenantid":"bench","datacontenttype":"application/json",
                     "data":{"caseId":"%s","scenario":"RISK_TXN","drill":false,"restricted":false}}""".formatted(UUID.randomUUID(), caseId, Instant.now(), caseId);
            int opened = http.headers(h -> h.set("Authorization", "Bearer " + tokens.token("thaw_service"))
                            .set("Content-Type", "application/json"))
                    .post()
                    .uri(base + "/internal/events")
                    .send(Mono.just(Unpooled.wrappedBuffer(event.getBytes(StandardCharsets.UTF_8))))
                    .response()
                    .block()
                    .status()
                    .code();
            assertThat(opened).isBetween(200, 299);

            // 1. The plain driver, straight into the same store.
            MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + storePort);
            long driverStart = System.nanoTime();
            Mono.from(GridFSBuckets.create(client.getDatabase("bench_driver"), "plain")
                            .withChunkSizeBytes(1024 * 1024)
                            .uploadFromPublisher(
                                    "plain.pdf",
                                    content().map(ByteBuf::nioBuffer),
                                    new GridFSUploadOptions().chunkSizeBytes(1024 * 1024)))
                    .block(Duration.ofMinutes(15));
            double driverSeconds = (System.nanoTime() - driverStart) / 1e9;
            client.close();

            // 2. Through the service: HTTP, token check, sniffing, hashing, size limit, GridFS, record, custody.
            String token = tokens.token(List.of("merchant_admin"), claims -> claims.claim("tenant_id", "bench"));
            long serviceStart = System.nanoTime();
            String response = http.headers(h -> h.set("Authorization", "Bearer " + token)
                            .set("Content-Type", "application/pdf")
                            .set("Content-Length", String.valueOf(SIZE)))
                    .post()
                    .uri(base + "/api/v1/evidence/cases/" + caseId
                            + "/items?requirementCode=BANK_STATEMENT&fileName=big.pdf")
                    .send(content())
                    .responseSingle((head, body) ->
                            body.asString().map(text -> head.status().code() + " " + text))
                    .block(Duration.ofMinutes(15));
            double serviceSeconds = (System.nanoTime() - serviceStart) / 1e9;

            assertThat(response).startsWith("201 ").contains("\"sha256\":\"" + expectedSha256() + "\"");
            assertThat(serviceProcess.isAlive())
                    .as("the service survived at -Xmx256m")
                    .isTrue();
            double mib = SIZE / (1024.0 * 1024.0);
            System.out.printf(
                    "BENCH plain driver GridFS upload: %.0f MiB in %.1f s = %.1f MiB/s%n",
                    mib, driverSeconds, mib / driverSeconds);
            System.out.printf(
                    "BENCH evidence-service upload (-Xmx256m): %.0f MiB in %.1f s = %.1f MiB/s%n",
                    mib, serviceSeconds, mib / serviceSeconds);
            System.out.printf("BENCH ratio service/driver: %.0f %%%n", 100 * driverSeconds / serviceSeconds);
        } finally {
            for (Process process : processes) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            // The store file holds two copies of the upload: do not leave gigabytes in the temp directory.
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** SIZE bytes: a PDF header, then seeded noise, generated as sent (never held whole). */
    private static Flux<ByteBuf> content() {
        return Flux.generate(() -> 0L, (offset, sink) -> {
            if (offset >= SIZE) {
                sink.complete();
                return offset;
            }
            int length = (int) Math.min(BLOCK, SIZE - offset);
            sink.next(Unpooled.wrappedBuffer(block(offset, length)));
            return offset + length;
        });
    }

    private static byte[] block(long offset, int length) {
        byte[] bytes = new byte[length];
        new Random(offset).nextBytes(bytes);
        if (offset == 0) {
            byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(header, 0, bytes, 0, header.length);
        }
        return bytes;
    }

    private static String expectedSha256() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (long offset = 0; offset < SIZE; offset += BLOCK) {
            digest.update(ByteBuffer.wrap(block(offset, (int) Math.min(BLOCK, SIZE - offset))));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Process start(List<Process> processes, Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        return process;
    }

    private static void awaitLine(Process process, Path log, String marker) {
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(process.isAlive()).isTrue();
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
                        return reader.lines().anyMatch(line -> line.contains(marker));
                    }
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

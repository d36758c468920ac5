package app.thaw.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaled platform starts a module from the runner's AOT cache for its jar as built (ADR 92, 100): the same
 * folder {@code ./thaw} uses ({@code target/fast-start-<jar mtime>}), only once its training finished, and never one
 * trained for an earlier build of the jar.
 */
class FastStartTests {

    @TempDir
    Path root;

    @Test
    void aModuleStartsFromItsTrainedCacheOnlyForTheJarAsBuiltNow() throws Exception {
        FastStart fastStart = new FastStart(root, "1.0", "java");
        Path jar = root.resolve("case-service/target/case-service-1.0-exec.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-07T12:00:00Z")));
        Path dir = root.resolve("case-service/target/fast-start-"
                + Instant.parse("2026-12-07T12:00:00Z").getEpochSecond());
        assertThat(fastStart.dir("case-service"))
                .as("the runner's folder for this jar (stat -c %%Y)")
                .isEqualTo(dir);

        // No cache yet, or one whose training has not finished: the jar as built.
        assertThat(fastStart.launch("case-service")).containsExactly("-jar", jar.toString());
        Files.createDirectories(dir.resolve("app"));
        Files.write(dir.resolve("app.aot"), new byte[] {1});
        assertThat(fastStart.launch("case-service")).containsExactly("-jar", jar.toString());

        // Trained: the cache, with the jar extracted beside it (where the cache's classes were recorded).
        Files.createFile(dir.resolve("trained"));
        assertThat(fastStart.launch("case-service"))
                .containsExactly(
                        "-XX:AOTCache=" + dir.resolve("app.aot"),
                        "-jar",
                        dir.resolve("app/case-service-1.0-exec.jar").toString());

        // Rebuilt: that cache was trained on the earlier jar and is not used.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-07T13:00:00Z")));
        assertThat(fastStart.launch("case-service")).containsExactly("-jar", jar.toString());
    }
}

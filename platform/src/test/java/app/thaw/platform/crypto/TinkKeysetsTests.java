package app.thaw.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's keysets: generated once (owner-only), the same keys on the next start; never generated when told not to. */
class TinkKeysetsTests {

    @TempDir
    Path dir;

    @Test
    void aMissingKeysetIsGeneratedOwnerOnlyAndTheNextStartReadsTheSameKeys() throws Exception {
        Aead first = new TinkKeysets(dir.resolve("keys"), null, true, "test")
                .load("aead.json", "AES256_GCM")
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] sealed = first.encrypt("secret".getBytes(StandardCharsets.UTF_8), new byte[0]);

        Path file = dir.resolve("keys/aead.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Aead again = new TinkKeysets(dir.resolve("keys"), "", true, "test")
                .load("aead.json", "AES256_GCM")
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        assertThat(new String(again.decrypt(sealed, new byte[0]), StandardCharsets.UTF_8))
                .isEqualTo("secret");
    }

    @Test
    void aMissingKeysetIsRefusedWhenGenerationIsOff() throws Exception {
        TinkKeysets keysets = new TinkKeysets(dir, null, false, "test");
        assertThatThrownBy(() -> keysets.load("aead.json", "AES256_GCM"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aead.json")
                .hasMessageContaining("never generated");
        assertThat(dir.resolve("aead.json")).doesNotExist();
    }

    @Test
    void instancesStartingAtOnceAllUseTheOneKeysetThatWonAndLeaveNoHalfWrittenFile() throws Exception {
        for (int round = 0; round < 10; round++) {
            Path keys = dir.resolve("race-" + round);
            int instances = 6;
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(instances);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(instances);
            try {
                java.util.List<java.util.concurrent.Future<Integer>> primaryKeyIds = new java.util.ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    primaryKeyIds.add(pool.submit(() -> {
                        TinkKeysets keysets = new TinkKeysets(keys, null, true, "test");
                        together.await();
                        return keysets.load("aead.json", "AES256_GCM")
                                .getPrimary()
                                .getId();
                    }));
                }
                java.util.Set<Integer> distinct = new java.util.HashSet<>();
                for (var id : primaryKeyIds) {
                    distinct.add(id.get());
                }
                assertThat(distinct).as("round " + round).hasSize(1);
                assertThat(new TinkKeysets(keys, null, false, "test")
                                .load("aead.json", "AES256_GCM")
                                .getPrimary()
                                .getId())
                        .isEqualTo(distinct.iterator().next());
                try (var files = Files.list(keys)) {
                    assertThat(files.map(file -> file.getFileName().toString())).containsExactly("aead.json");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

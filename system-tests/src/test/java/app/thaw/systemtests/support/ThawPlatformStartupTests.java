package app.thaw.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The shared platform's start is tried once per run; a failed one fails every later class at once, with its cause. */
class ThawPlatformStartupTests {

    @Test
    void aFailedStartIsRememberedAndAnsweredWithItsCauseWithoutStartingAgain() {
        AtomicInteger starts = new AtomicInteger();
        IllegalStateException keycloakDown = new IllegalStateException("keycloak was not ready within 480 s");
        ThawPlatform.Startup startup = ThawPlatform.Startup.attempt(() -> {
            starts.incrementAndGet();
            throw keycloakDown;
        });

        for (int testClass = 0; testClass < 3; testClass++) {
            assertThatThrownBy(startup::platform)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("keycloak was not ready within 480 s")
                    .hasCause(keycloakDown);
        }
        assertThat(starts).hasValue(1);
    }
}

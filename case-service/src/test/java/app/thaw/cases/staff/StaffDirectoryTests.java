package app.thaw.cases.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import app.thaw.platform.events.ServiceTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The staff directory against a stand-in for Keycloak's admin API: what it asks, what it keeps, how it fails. */
class StaffDirectoryTests {

    private StandInKeycloak keycloak;
    private final MutableTime time = new MutableTime();

    @BeforeEach
    void start() {
        keycloak = new StandInKeycloak("/users", """
                    [{"username":"agent","firstName":"Sam","lastName":"Agent","enabled":true},
                     {"username":"service-account-case-service","enabled":true},
                     {"username":"supervisor","firstName":"","lastName":"","enabled":true},
                     {"username":"gone","firstName":"Old","lastName":"Hand","enabled":false},
                     {"username":"lin","firstName":"林","lastName":"小雨","enabled":true}]""");
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    private StaffDirectory directory() {
        ServiceTokens tokens = () -> Mono.just("service-token");
        return new StaffDirectory(
                StaffDirectory.keycloak(WebClient.create(), keycloak.admin(), tokens), Duration.ofMinutes(5), time);
    }

    @Test
    void readsTheStaffTenantsUsersWithTheServicesOwnTokenAndNamesThem() {
        List<StaffDirectory.Staff> staff = directory().all().block(Duration.ofSeconds(10));

        assertThat(java.net.URLDecoder.decode(keycloak.asked.get(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("q=tenant_id:thaw")
                .contains("briefRepresentation=true");
        assertThat(keycloak.bearer.get()).isEqualTo("Bearer service-token");
        // Service accounts and disabled users are no one to assign to; a user without a name is called by the user
        // name.
        assertThat(staff)
                .containsExactly(
                        new StaffDirectory.Staff("agent", "Sam Agent"),
                        new StaffDirectory.Staff("supervisor", "supervisor"),
                        new StaffDirectory.Staff("lin", "林 小雨"));
    }

    @Test
    void keepsTheListForItsTimeAndKeepsTheLastOneWhenKeycloakFails() {
        StaffDirectory directory = directory();
        directory.all().block(Duration.ofSeconds(10));
        directory.names().block(Duration.ofSeconds(10));
        assertThat(keycloak.calls.get()).as("read once within its time").isEqualTo(1);

        keycloak.status = 503;
        time.advance(Duration.ofMinutes(6));
        assertThat(directory.names().block(Duration.ofSeconds(10))).containsEntry("agent", "Sam Agent");
        assertThat(keycloak.calls.get()).isEqualTo(2);
        // Not asked again at every page while it fails: once a minute.
        directory.all().block(Duration.ofSeconds(10));
        assertThat(keycloak.calls.get()).isEqualTo(2);
        time.advance(Duration.ofSeconds(61));
        keycloak.status = 200;
        directory.all().block(Duration.ofSeconds(10));
        assertThat(keycloak.calls.get()).isEqualTo(3);
    }

    @Test
    void theAdminBaseIsTheRealmsUnderAdmin() {
        assertThat(StaffDirectory.adminBase(URI.create("http://kc:8180/realms/thaw")))
                .hasToString("http://kc:8180/admin/realms/thaw");
        assertThat(StaffDirectory.adminBase(
                        URI.create("http://kc:8180/auth/realms/thaw/protocol/openid-connect/certs")))
                .hasToString("http://kc:8180/auth/admin/realms/thaw");
    }

    static final class MutableTime extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-12-07T02:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}

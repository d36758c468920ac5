package app.thaw.cases.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import app.thaw.platform.events.ServiceTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Tenants' names against a stand-in for Keycloak's organizations endpoint: what it asks, what it maps, how it fails. */
class TenantNamesTests {

    private StandInKeycloak keycloak;
    private final StaffDirectoryTests.MutableTime time = new StaffDirectoryTests.MutableTime();

    @BeforeEach
    void start() {
        keycloak = new StandInKeycloak("/organizations", """
                    [{"name":"Demo Partner Bank","alias":"bank-demo","attributes":{"tenant_id":["bank-demo"]}},
                     {"name":"演示保险","alias":"insurer-alias","attributes":{"tenant_id":["insurer-demo"]}},
                     {"name":"Made by hand","alias":"handmade"},
                     {"name":"  ","alias":"blank-name","attributes":{"tenant_id":["blank-name"]}},
                     {"alias":"no-name","attributes":{"tenant_id":["no-name"]}},
                     {"name":"Empty attribute","alias":"empty-attr","attributes":{"tenant_id":[]}}]""");
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    private TenantNames names() {
        ServiceTokens tokens = () -> Mono.just("service-token");
        return new TenantNames(
                TenantNames.keycloak(WebClient.create(), keycloak.admin(), tokens), Duration.ofMinutes(5), time);
    }

    @Test
    void readsTheOrganizationsWithTheServicesOwnTokenAndNamesTenantsByTheirAttributeElseAlias() {
        Map<String, String> names = names().all().block(Duration.ofSeconds(10));

        assertThat(keycloak.asked.get()).contains("briefRepresentation=false");
        assertThat(keycloak.bearer.get()).isEqualTo("Bearer service-token");
        // The tenant_id attribute names the tenant (not the alias); without it, the alias; no name, no entry.
        assertThat(names)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "bank-demo", "Demo Partner Bank",
                        "insurer-demo", "演示保险",
                        "handmade", "Made by hand",
                        "empty-attr", "Empty attribute"));
    }

    @Test
    void aTenantWithoutANameIsItsIdAndTheLastNamesStayWhileKeycloakFails() {
        TenantNames names = names();
        assertThat(names.nameOf("bank-demo").block(Duration.ofSeconds(10))).isEqualTo("Demo Partner Bank");
        assertThat(names.nameOf("no-name").block(Duration.ofSeconds(10))).isEqualTo("no-name");
        assertThat(names.nameOf("unknown").block(Duration.ofSeconds(10))).isEqualTo("unknown");
        assertThat(keycloak.calls.get()).as("read once within its time").isEqualTo(1);

        keycloak.status = 403; // the role not granted (a realm imported before ADR 26), or Keycloak down
        time.advance(Duration.ofMinutes(6));
        assertThat(names.nameOf("bank-demo").block(Duration.ofSeconds(10))).isEqualTo("Demo Partner Bank");
        names.all().block(Duration.ofSeconds(10));
        assertThat(keycloak.calls.get())
                .as("asked again once a minute, not at every page")
                .isEqualTo(2);
    }

    @Test
    void beforeAnyReadSucceedsEveryTenantIsItsId() {
        keycloak.status = 403;
        assertThat(names().nameOf("bank-demo").block(Duration.ofSeconds(10))).isEqualTo("bank-demo");
    }
}

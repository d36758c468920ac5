package app.thaw.monitor.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import org.junit.jupiter.api.Test;

/** Onboarding's input rules: each broken one named by field and rule, all at once, before Keycloak is asked. */
class TenantRequestTests {

    static final Set<String> PLANS = Set.of("MONITOR", "THAW_ASSIST");

    static TenantRequest.Admin admin() {
        return new TenantRequest.Admin("new-admin", "admin@new.example.com", "Ada", "Admin", "Temporary-Pass-1");
    }

    static List<String> broken(TenantRequest request) {
        return request.violations(PLANS).stream()
                .map(v -> v.field() + ":" + v.rule())
                .toList();
    }

    @Test
    void aWellFormedRequestBreaksNoRuleAndTakesItsKindsPlan() {
        TenantRequest request =
                new TenantRequest("new-co", "PARTNER_BANK", "New Co", "new.example.com", admin(), null, "bank-demo");
        assertThat(request.violations(PLANS)).isEmpty();
        TenantRequest.Valid valid = request.validated(Set.of("PARTNER_BANK"));
        assertThat(valid.plan()).isEqualTo("PARTNER_BANK");
        assertThat(valid.clientId()).isEqualTo("new-co-api");
        assertThat(valid.toString()).doesNotContain("Temporary-Pass-1");
        assertThat(new TenantRequest("m", "MERCHANT", "M", null, admin(), null, null)
                        .validated(PLANS)
                        .plan())
                .as("a merchant keeps the configured default")
                .isNull();
    }

    @Test
    void theTenantIdIsAKeycloakAliasOfLowerCaseLettersDigitsAndDashesAndNeverThaw() {
        assertThat(broken(new TenantRequest(null, "MERCHANT", "N", null, admin(), null, null)))
                .containsExactly("tenantId:NotBlank");
        assertThat(broken(new TenantRequest("Acme", "MERCHANT", "N", null, admin(), null, null)))
                .containsExactly("tenantId:Pattern");
        assertThat(broken(new TenantRequest("-acme", "MERCHANT", "N", null, admin(), null, null)))
                .containsExactly("tenantId:Pattern");
        assertThat(broken(new TenantRequest("ac_me", "MERCHANT", "N", null, admin(), null, null)))
                .containsExactly("tenantId:Pattern");
        assertThat(broken(new TenantRequest("a".repeat(65), "MERCHANT", "N", null, admin(), null, null)))
                .containsExactly("tenantId:Size");
        assertThat(broken(new TenantRequest("thaw", "MERCHANT", "N", null, admin(), null, null)))
                .containsExactly("tenantId:Reserved");
    }

    @Test
    void kindPlanDomainAndReferralAreHeldToTheirRules() {
        assertThat(broken(new TenantRequest("x", "BANK", "N", null, admin(), null, null)))
                .containsExactly("kind:OneOf");
        assertThat(broken(new TenantRequest("x", "merchant", "N", null, admin(), null, null)))
                .containsExactly("kind:OneOf");
        assertThat(broken(new TenantRequest("x", "MERCHANT", " ", null, admin(), null, null)))
                .containsExactly("name:NotBlank");
        assertThat(broken(new TenantRequest("x", "MERCHANT", "N", "not a domain", admin(), null, null)))
                .containsExactly("domain:Pattern");
        assertThat(broken(new TenantRequest("x", "MERCHANT", "N", null, admin(), "GOLD", null)))
                .containsExactly("plan:OneOf");
        assertThat(broken(new TenantRequest("x", "MERCHANT", "N", null, admin(), null, "x")))
                .containsExactly("referredBy:NotOwnTenant");
        assertThat(broken(new TenantRequest("x", "MERCHANT", "N", null, admin(), null, "bad partner")))
                .containsExactly("referredBy:Pattern");
    }

    @Test
    void theAdminUserNeedsAUserNameAnEmailANameAndATemporaryPasswordOfTwelveOrMore() {
        assertThat(broken(new TenantRequest("x", "MERCHANT", "N", null, null, null, null)))
                .containsExactly("admin:NotNull");
        assertThat(broken(new TenantRequest(
                        "x",
                        "MERCHANT",
                        "N",
                        null,
                        new TenantRequest.Admin("Big Boss", "not-an-email", "", null, "short"),
                        null,
                        null)))
                .containsExactly(
                        "admin.username:Pattern",
                        "admin.email:Email",
                        "admin.firstName:NotBlank",
                        "admin.lastName:NotBlank",
                        "admin.temporaryPassword:Size");
    }

    @Test
    void everyBrokenRuleIsOne400NamingAllTheFields() {
        TenantRequest request = new TenantRequest("Bad Id", "BANK", null, null, null, null, null);
        assertThatThrownBy(() -> request.validated(PLANS)).isInstanceOfSatisfying(ThawProblem.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(400);
            assertThat(problem.code()).isEqualTo("validation_failed");
            @SuppressWarnings("unchecked")
            List<FieldViolation> errors =
                    (List<FieldViolation>) problem.properties().get("errors");
            assertThat(errors).extracting(FieldViolation::field).containsExactly("tenantId", "kind", "name", "admin");
        });
    }
}

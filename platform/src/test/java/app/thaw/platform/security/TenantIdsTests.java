package app.thaw.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import app.thaw.platform.problem.FieldViolation;
import app.thaw.platform.problem.ThawProblem;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class TenantIdsTests {

    @Test
    void everyTenantIdTheRealmTheDemoAndTheTestsUseIsWellFormed() {
        // The realm's organization aliases, the demo seed's, the tests' fixed ones and newTenant()'s "t-" + 8 hex.
        for (String tenantId : List.of(
                "acme",
                "globex",
                "thaw",
                "bank-demo",
                "insurer-demo",
                "t-0a1b2c3d",
                "dash-restricted-" + "123e4567-e89b-12d3-a456-426614174000",
                "flow2b",
                "a",
                "Org_1.eu",
                "9lives",
                "x".repeat(TenantIds.MAX_LENGTH))) {
            assertThat(TenantIds.isValid(tenantId)).as(tenantId).isTrue();
            assertThat(TenantIds.named(tenantId)).isEqualTo(tenantId);
        }
    }

    @Test
    void anAbsentOrEmptyTenantIdNamesNoTenant() {
        assertThat(TenantIds.named(null)).isNull();
        assertThat(TenantIds.named("")).isNull();
        assertThat(TenantIds.isValid("")).isFalse();
        assertThat(TenantIds.isValid(null)).isFalse();
    }

    @Test
    void aTenantIdLongerThan64CharactersBreaksSize() {
        assertRefused("x".repeat(TenantIds.MAX_LENGTH + 1), "Size");
        assertRefused("y".repeat(10_000), "Size");
        // Length is judged first: a long value of bad characters is refused for its length.
        assertRefused("\u0000".repeat(10_000), "Size");
    }

    @Test
    void aTenantIdWithOtherCharactersOrABadFirstOneBreaksPattern() {
        for (String tenantId : List.of(
                " ",
                "  acme",
                "acme ",
                "acme\n",
                "acme\u0000",
                "ac me",
                "-acme",
                ".acme",
                "_acme",
                "../acme",
                "acme/globex",
                "acme%",
                "ácme",
                "租户",
                "{\"$ne\":null}",
                "acme*")) {
            assertRefused(tenantId, "Pattern");
        }
    }

    private static void assertRefused(String tenantId, String rule) {
        assertThat(TenantIds.isValid(tenantId)).isFalse();
        assertThatThrownBy(() -> TenantIds.named(tenantId)).isInstanceOfSatisfying(ThawProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.code()).isEqualTo("validation_failed");
            assertThat(problem.properties().get("errors"))
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .singleElement()
                    .isInstanceOfSatisfying(FieldViolation.class, violation -> {
                        assertThat(violation.field()).isEqualTo("tenantId");
                        assertThat(violation.rule()).isEqualTo(rule);
                        // The detail is the rule alone: the refused value is not echoed.
                        assertThat(problem.getMessage())
                                .isEqualTo("The field 'tenantId' is invalid: " + violation.message());
                    });
        });
    }
}

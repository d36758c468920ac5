package app.thaw.monitor.tenants;

import java.util.Map;

import app.thaw.platform.problem.ThawProblem;
import org.springframework.http.HttpStatus;

/**
 * 502 {@code tenant_onboarding_incomplete}: Keycloak failed or refused one step of an onboarding
 * ({@code step} names it: organization, admin user, role, membership, client, ...). The steps before it
 * stay done and nothing is undone: the same request again (with the same {@code Idempotency-Key}, or
 * none) finds them and completes the rest. A 5xx releases the key, so the retry runs.
 */
public class OnboardingIncomplete extends ThawProblem {

    public static final String CODE = "tenant_onboarding_incomplete";

    public OnboardingIncomplete(String tenantId, String step, String why) {
        super(
                HttpStatus.BAD_GATEWAY,
                CODE,
                "Onboarding of tenant '" + tenantId + "' stopped at step '" + step + "': " + why
                        + ". The steps before it are kept; send the same request again to complete it.",
                Map.of("tenantId", tenantId, "step", step),
                null);
    }
}

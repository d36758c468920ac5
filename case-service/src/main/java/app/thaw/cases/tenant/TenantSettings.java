package app.thaw.cases.tenant;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import app.thaw.cases.incident.CasePolicy;
import app.thaw.cases.incident.Party;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's own calendar and numbers; every member left null falls back to the service's defaults.
 * Stored in {@code tenant_settings} under the tenant id.
 */
public record TenantSettings(
        String id,
        @Nullable String country,
        @Nullable String subdivision,
        @Nullable String timeZone,
        @Nullable List<LocalDate> extraHolidays,
        @Nullable List<LocalDate> extraWorkingDays,
        @Nullable Integer goldenMinutes,
        @Nullable Integer takeoverFreezeMinutes,
        @Nullable Integer takeoverProofMinutes,
        @Nullable Integer takeoverContactMinutes,
        @Nullable Integer partnerReviewMinutes,
        @Nullable Integer supplementAckHours,
        @Nullable Integer resolutionBusinessDays,
        @Nullable Integer firstFollowUpBusinessDays,
        @Nullable Integer nextFollowUpBusinessDays,
        @Nullable Set<Party> pauseWhileWaitingOn,
        @Nullable Integer whyDepth,
        @Nullable Double autoTriageConfidence,
        long version) {

    public static TenantSettings empty(String tenantId) {
        return new TenantSettings(
                tenantId, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, 0);
    }

    CasePolicy policy(CasePolicy defaults) {
        return new CasePolicy(
                minutes(goldenMinutes, defaults.golden()),
                minutes(takeoverFreezeMinutes, defaults.takeoverFreeze()),
                minutes(takeoverProofMinutes, defaults.takeoverProof()),
                minutes(takeoverContactMinutes, defaults.takeoverContact()),
                minutes(partnerReviewMinutes, defaults.partnerReview()),
                defaults.partnerReviewScenarios(),
                supplementAckHours == null ? defaults.supplementAck() : Duration.ofHours(supplementAckHours),
                or(resolutionBusinessDays, defaults.resolutionBusinessDays()),
                or(firstFollowUpBusinessDays, defaults.firstFollowUpBusinessDays()),
                or(nextFollowUpBusinessDays, defaults.nextFollowUpBusinessDays()),
                pauseWhileWaitingOn == null ? defaults.pauseWhileWaitingOn() : pauseWhileWaitingOn,
                defaults.pausableClocks(),
                or(whyDepth, defaults.whyDepth()),
                autoTriageConfidence == null ? defaults.autoTriageConfidence() : autoTriageConfidence);
    }

    private static Duration minutes(@Nullable Integer minutes, Duration fallback) {
        return minutes == null ? fallback : Duration.ofMinutes(minutes);
    }

    private static int or(@Nullable Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}

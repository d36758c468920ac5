package app.thaw.cases.tenant;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import app.thaw.cases.incident.CasePolicy;
import app.thaw.cases.incident.ClockKind;
import app.thaw.cases.incident.Party;
import app.thaw.cases.incident.Scenario;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The case service's settings. {@code defaults} are every tenant's numbers until the tenant sets
 * its own ({@code PUT /api/v1/cases/settings}).
 *
 * @param defaults      the tenants' default policy and calendar
 * @param atRiskWindow  a running clock due within this window puts its case "at risk" in the queue
 * @param defaultPageSize a list's page size when none is asked for
 * @param maxPageSize   the largest page a list answers
 * @param cjkFonts      TrueType fonts (.ttf, .ttc) to set PDF letters in instead of the shipped Noto Sans SC; the first readable one is used (none by default)
 */
@ConfigurationProperties("thaw.cases")
public record CaseProperties(
        @DefaultValue Defaults defaults,
        @DefaultValue("30m") Duration atRiskWindow,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue List<String> cjkFonts) {

    /**
     * DOMAIN's defaults; see {@link CasePolicy} for what each means.
     */
    public record Defaults(
            @DefaultValue("CN") String country,
            @Nullable String subdivision,
            @DefaultValue("Asia/Shanghai") String timeZone,
            @DefaultValue("15m") Duration golden,
            @DefaultValue("15m") Duration takeoverFreeze,
            @DefaultValue("20m") Duration takeoverProof,
            @DefaultValue("30m") Duration takeoverContact,
            @DefaultValue("2h") Duration partnerReview,
            @DefaultValue("RISK_TXN") Set<Scenario> partnerReviewScenarios,
            @DefaultValue("24h") Duration supplementAck,
            @DefaultValue("3") int resolutionBusinessDays,
            @DefaultValue("5") int firstFollowUpBusinessDays,
            @DefaultValue("7") int nextFollowUpBusinessDays,
            @DefaultValue("HOLDER") Set<Party> pauseWhileWaitingOn,
            @DefaultValue({"TASK_DUE", "RESOLUTION"}) Set<ClockKind> pausableClocks,
            @DefaultValue("5") int whyDepth,
            @DefaultValue("0.6") double autoTriageConfidence) {

        public CasePolicy policy() {
            return new CasePolicy(
                    golden,
                    takeoverFreeze,
                    takeoverProof,
                    takeoverContact,
                    partnerReview,
                    partnerReviewScenarios,
                    supplementAck,
                    resolutionBusinessDays,
                    firstFollowUpBusinessDays,
                    nextFollowUpBusinessDays,
                    pauseWhileWaitingOn,
                    pausableClocks,
                    whyDepth,
                    autoTriageConfidence);
        }
    }
}

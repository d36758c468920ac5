package app.thaw.cases.casework;

import java.time.Instant;

import app.thaw.cases.incident.EntityType;
import app.thaw.cases.incident.FreezeScope;
import app.thaw.cases.incident.Money;
import org.jspecify.annotations.Nullable;

/**
 * Intake: everything a holder, a partner bank or staff know when they open a case.
 *
 * @param onBehalfOfTenant staff only: the tenant whose case this is (everyone else opens in their own tenant)
 */
public record OpenCase(
        @Nullable String onBehalfOfTenant,
        EntityType holderType,
        String holderName,
        String accountReference,
        String platform,
        String noticeText,
        @Nullable String noticeReference,
        @Nullable Money frozenAmount,
        @Nullable FreezeScope scope,
        @Nullable Instant detectedAt,
        @Nullable String assignee) {}

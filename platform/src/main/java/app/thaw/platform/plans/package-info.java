/**
 * Plans and quotas in every service (ADR 62): the plan catalogue as data ({@code thaw/plans.yaml}),
 * each tenant's plan (the configured default, or the one platform admins set in identity-monitor,
 * replicated by {@code thaw.subscription.changed}), and the monthly meter that enforces a quota with
 * 429 {@code quota_exceeded} and answers {@code /internal/usage}.
 */
@NullMarked
package app.thaw.platform.plans;

import org.jspecify.annotations.NullMarked;

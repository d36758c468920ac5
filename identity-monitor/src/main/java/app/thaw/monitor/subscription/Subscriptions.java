package app.thaw.monitor.subscription;

import java.time.Instant;
import java.util.List;

import app.thaw.platform.events.ThawEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored subscriptions (one per tenant: its plan, history, referral), partners' share rates
 * and the per-tenant count of active subjects that enforces the plan's subject limit with one
 * conditional increment. Every read names the tenant it is about.
 */
public interface Subscriptions {

    /** The plan code an admin set for the tenant; empty when none was. */
    Mono<String> storedPlan(String tenantId);

    /** The tenant's plan changes, oldest first; empty when there were none. */
    Mono<List<PlanChange>> history(String tenantId);

    /** The sequence of the tenant's last plan change (0 before the first). */
    Mono<Long> sequence(String tenantId);

    /** Stores a plan change and its {@code thaw.subscription.changed} event in one write, then releases the event. */
    Mono<Void> changePlan(String tenantId, String planCode, Instant at, long sequence, ThawEvent event);

    Mono<Void> setReferral(String tenantId, String referredBy, Instant at);

    Mono<String> referredBy(String tenantId);

    /** The tenants {@code partnerTenantId} referred, by id. */
    Flux<String> referredTo(String partnerTenantId);

    Mono<Void> setShareRate(String partnerTenantId, String rate, Instant at);

    /** The partner's share rate as stored; empty when none was set. */
    Mono<String> shareRate(String partnerTenantId);

    /** Takes one unit of the tenant's subject limit; false when all {@code limit} are in use. */
    Mono<Boolean> reserveSubject(String tenantId, long limit);

    /** Gives one unit back (a subject erased, or an enrolment that failed after reserving). */
    Mono<Void> releaseSubject(String tenantId);

    /** How many subjects the tenant monitors now. */
    Mono<Long> activeSubjects(String tenantId);

    /** A plan in force since {@code since}. */
    record PlanChange(String plan, Instant since) {}
}

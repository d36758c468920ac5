/**
 * Tenant onboarding by API (issue 20, ADR 64): a platform admin creates a tenant — its Keycloak
 * organization, first admin user and, for a bank or insurer, its client-credentials client — and its
 * plan, through Keycloak's admin API, each step looked up before it is made so a retry completes.
 */
@NullMarked
package app.thaw.monitor.tenants;

import org.jspecify.annotations.NullMarked;

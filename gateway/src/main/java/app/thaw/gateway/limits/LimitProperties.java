package app.thaw.gateway.limits;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one client, and one tenant with all its clients together, may send through the gateway.
 * A client is one token subject within one OAuth client ({@code azp}/{@code sub}); a tenant is the
 * token's {@code tenant_id}. Both limits apply: a client within its own limits is still refused when
 * its tenant as a whole is over the tenant's, so no tenant can take the platform from the others.
 *
 * @param maxRequestSize    the largest request body accepted on API routes
 * @param streamingPaths    path patterns exempt from {@code maxRequestSize}: evidence uploads (the API's
 *                          and the evidence dashboard's) stream to their service, which enforces each
 *                          tenant's own file-size limit
 * @param burst             requests a client may make at once
 * @param sustained         requests a client regains per {@code per}
 * @param per               the period of {@code sustained} and {@code tenantSustained}
 * @param maxInFlight       requests of one client being served at the same time
 * @param tenantBurst       requests a tenant's clients together may make at once
 * @param tenantSustained   requests a tenant regains per {@code per}
 * @param tenantMaxInFlight requests of one tenant's clients being served at the same time
 * @param trackedClients    how many clients' and tenants' counters are kept in memory (least recently seen are dropped)
 */
@ConfigurationProperties("thaw.gateway.limits")
public record LimitProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,

        @DefaultValue({"/api/v1/evidence/**", "/dashboard/evidence/cases/*/items"})
        List<String> streamingPaths,

        @DefaultValue("100") long burst,
        @DefaultValue("50") long sustained,
        @DefaultValue("1s") Duration per,
        @DefaultValue("100") int maxInFlight,
        @DefaultValue("300") long tenantBurst,
        @DefaultValue("150") long tenantSustained,
        @DefaultValue("200") int tenantMaxInFlight,
        @DefaultValue("100000") long trackedClients) {}

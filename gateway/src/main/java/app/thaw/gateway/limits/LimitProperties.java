package app.thaw.gateway.limits;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one client may send through the gateway.
 *
 * @param maxRequestSize  the largest request body accepted on API routes
 * @param streamingPaths  path patterns exempt from {@code maxRequestSize}: evidence uploads (the API's
 *                        and the evidence dashboard's) stream to their service, which enforces each
 *                        tenant's own file-size limit
 * @param burst           requests a client may make at once
 * @param sustained       requests a client regains per {@code per}
 * @param per             the period of {@code sustained}
 * @param trackedClients  how many clients' buckets are kept in memory (least recently seen are dropped)
 */
@ConfigurationProperties("thaw.gateway.limits")
public record LimitProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue({"/api/v1/evidence/**", "/dashboard/evidence/cases/*/items"}) List<String> streamingPaths,
        @DefaultValue("100") long burst,
        @DefaultValue("50") long sustained,
        @DefaultValue("1s") Duration per,
        @DefaultValue("100000") long trackedClients) {
}

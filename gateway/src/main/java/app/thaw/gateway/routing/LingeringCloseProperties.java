package app.thaw.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long the gateway goes on reading, and throwing away, a request body that is still arriving when its answer
 * has been sent ({@link LingeringClose}), as nginx's {@code lingering_close}. Whichever bound is reached first
 * ends it, and the connection is closed.
 *
 * @param maxBytes    the most it reads after the answer: ten times evidence-service's default limit per tenant
 *                    (100 MB), so a caller refused for an upload over its limit, even far over (system-tests'
 *                    {@code FrontDoorIT} sends 150 MiB), still finishes its body and reads the answer; past it, what
 *                    is still coming is nothing a service would take. Reading and dropping costs the gateway little
 *                    next to what it costs the sender
 * @param maxTime     the longest it reads after the answer, however fast the caller sends (nginx's
 *                    {@code lingering_time}): a refused caller holds a connection no longer than this
 * @param idleTimeout how long it waits for the next bytes (nginx's {@code lingering_timeout}): a caller quiet for
 *                    this long has stopped sending
 */
@ConfigurationProperties("thaw.gateway.lingering-close")
public record LingeringCloseProperties(
        @DefaultValue("1GB") DataSize maxBytes,
        @DefaultValue("30s") Duration maxTime,
        @DefaultValue("5s") Duration idleTimeout) {}

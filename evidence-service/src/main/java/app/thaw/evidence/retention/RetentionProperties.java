package app.thaw.evidence.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention sweeper ({@code thaw.evidence.retention.*}).
 *
 * @param interval  how often the retention sweeper runs (0 turns it off)
 * @param batchSize how many expired items one pass handles at most
 * @param lease     how long an instance holds an item it is deleting
 */
@ConfigurationProperties("thaw.evidence.retention")
public record RetentionProperties(
        @DefaultValue("1h") Duration interval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("5m") Duration lease) {}

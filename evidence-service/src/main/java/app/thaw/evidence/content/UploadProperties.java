package app.thaw.evidence.content;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How uploads are streamed and cleaned up ({@code thaw.evidence.upload.*}; infrastructure, not per tenant).
 *
 * @param chunkSize       GridFS chunk size (1 MiB: the embedded store writes large chunks fastest)
 * @param sniffBytes      how much of the start of a file is read to detect its type
 * @param abandonedAfter  an upload still unfinished after this is treated as dead and its chunks removed
 * @param abortGrace      how long after a failed upload the reaper removes any chunk that landed late
 * @param reaperInterval  how often leftovers of interrupted uploads, and custody entries still owed, are looked
 *                        for (0 turns the loops off)
 * @param downloadWindow  how many chunks one read asks the store for
 * @param custodyGrace    how long an item, hold or consent may wait for its custody entry before the repair
 *                        (reaper loop, custody verify) writes it for a request that died in between (ADR 52, 57)
 */
@ConfigurationProperties("thaw.evidence.upload")
public record UploadProperties(
        @DefaultValue("1MB") DataSize chunkSize,
        @DefaultValue("8KB") DataSize sniffBytes,
        @DefaultValue("1h") Duration abandonedAfter,
        @DefaultValue("1m") Duration abortGrace,
        @DefaultValue("5m") Duration reaperInterval,
        @DefaultValue("8") int downloadWindow,
        @DefaultValue("1m") Duration custodyGrace) {}

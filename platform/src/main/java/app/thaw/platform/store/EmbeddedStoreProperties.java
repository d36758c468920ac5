package app.thaw.platform.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service started with no MongoDB URI keeps its in-process embedded store.
 *
 * @param dataDir the folder under which each service gets {@code <service>/store.mv}
 */
@ConfigurationProperties("thaw.store")
public record EmbeddedStoreProperties(
        @DefaultValue(".thaw/data") Path dataDir) {}

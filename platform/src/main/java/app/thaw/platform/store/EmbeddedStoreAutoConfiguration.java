package app.thaw.platform.store;

import java.nio.file.Path;

import app.thaw.store.EmbeddedStore;
import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With no MongoDB configured, starts the embedded store in this process on a free loopback port,
 * with its data under {@code thaw.store.data-dir/<service>/}, and hands Spring Boot a connection
 * string to it. From there on the service talks to it exactly as to a real MongoDB.
 *
 * <p>{@code ./thaw up} runs the store in a process of its own instead and sets {@code MONGODB_URI}.
 */
@AutoConfiguration(before = MongoReactiveAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, EmbeddedStore.class})
@Conditional(NoMongoUriConfigured.class)
@EnableConfigurationProperties(EmbeddedStoreProperties.class)
public class EmbeddedStoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedStore thawEmbeddedStore(
            EmbeddedStoreProperties properties, @Value("${spring.application.name:thaw}") String applicationName) {
        Path dataFile = properties.dataDir().resolve(applicationName).resolve("store.mv");
        return EmbeddedStore.start(dataFile, "127.0.0.1", 0);
    }

    @Bean
    MongoConnectionDetails embeddedStoreConnectionDetails(
            EmbeddedStore store, @Value("${thaw.service.area:thaw}") String database) {
        ConnectionString connectionString = new ConnectionString(store.connectionString(database));
        return () -> connectionString;
    }
}

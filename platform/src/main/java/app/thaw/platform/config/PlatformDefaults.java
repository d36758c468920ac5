package app.thaw.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Adds the settings every Thaw application shares (health groups, tracing, problem details,
 * endpoint exposure) beneath everything else, so an application's own {@code application.yml},
 * its environment and its command line still override each of them.
 *
 * <p>{@code THAW_OTLP_ENDPOINT} (an OTLP/HTTP base URL) turns on the export of spans and metrics;
 * without it nothing leaves the process. It also accepts the conventional {@code MONGODB_URI} environment variable as
 * {@code spring.mongodb.uri}, which is how {@code ./thaw up} and the compose files point a
 * service at its database.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "thaw-platform-defaults.properties";
    static final String STORE_DEFAULTS = "thaw-platform-store-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var sources = environment.getPropertySources();
        sources.addLast(new PropertiesPropertySource("thawPlatformDefaults", load(DEFAULTS)));
        String otlpEndpoint = environment.getProperty("THAW_OTLP_ENDPOINT");
        if (StringUtils.hasText(otlpEndpoint)) {
            String base = otlpEndpoint.replaceAll("/+$", "");
            sources.addBefore(
                    "thawPlatformDefaults",
                    new MapPropertySource(
                            "thawOtlpExport",
                            Map.of(
                                    "management.tracing.export.otlp.enabled",
                                    "true",
                                    "management.opentelemetry.tracing.export.otlp.endpoint",
                                    base + "/v1/traces",
                                    "management.otlp.metrics.export.enabled",
                                    "true",
                                    "management.otlp.metrics.export.url",
                                    base + "/v1/metrics")));
        }
        if (ClassUtils.isPresent(
                "com.mongodb.reactivestreams.client.MongoClient", getClass().getClassLoader())) {
            sources.addBefore(
                    "thawPlatformDefaults",
                    new PropertiesPropertySource("thawPlatformStoreDefaults", load(STORE_DEFAULTS)));
            String mongodbUri = environment.getProperty("MONGODB_URI");
            if (StringUtils.hasText(mongodbUri) && !environment.containsProperty("spring.mongodb.uri")) {
                sources.addLast(new MapPropertySource("thawMongodbUri", Map.of("spring.mongodb.uri", mongodbUri)));
            }
        }
    }

    private static Properties load(String name) {
        try {
            return PropertiesLoaderUtils.loadProperties(
                    new ClassPathResource(name, PlatformDefaults.class.getClassLoader()));
        } catch (IOException e) {
            throw new UncheckedIOException("The platform defaults " + name + " are missing from the classpath", e);
        }
    }

    /** After the application's own config files are read, so they take precedence. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package app.thaw.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTests {

    private final PlatformDefaults defaults = new PlatformDefaults();

    @Test
    void mongodbUriFromTheEnvironmentBecomesSpringMongodbUri() {
        StandardEnvironment environment = environmentWith(Map.of("MONGODB_URI", "mongodb://db.internal:27017/cases"));
        defaults.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://db.internal:27017/cases");
    }

    @Test
    void anExplicitSpringMongodbUriWinsOverMongodbUri() {
        StandardEnvironment environment =
                environmentWith(Map.of("MONGODB_URI", "mongodb://a/cases", "spring.mongodb.uri", "mongodb://b/cases"));
        defaults.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://b/cases");
    }

    @Test
    void otlpExportStaysOffUntilAnEndpointIsGiven() {
        StandardEnvironment quiet = environmentWith(Map.of());
        defaults.postProcessEnvironment(quiet, new SpringApplication());
        assertThat(quiet.getProperty("management.tracing.export.otlp.enabled")).isEqualTo("false");

        StandardEnvironment exporting = environmentWith(Map.of("THAW_OTLP_ENDPOINT", "http://127.0.0.1:4318/"));
        defaults.postProcessEnvironment(exporting, new SpringApplication());
        assertThat(exporting.getProperty("management.tracing.export.otlp.enabled"))
                .isEqualTo("true");
        assertThat(exporting.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://127.0.0.1:4318/v1/traces");
    }

    @Test
    void theApplicationsOwnSettingsOverrideTheDefaults() {
        StandardEnvironment environment = environmentWith(Map.of("management.tracing.sampling.probability", "0.25"));
        defaults.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.25");
        assertThat(environment.getProperty("spring.reactor.context-propagation"))
                .isEqualTo("auto");
    }

    private static StandardEnvironment environmentWith(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }
}

package app.thaw.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The platform's own web tests: {@link PlatformTestApplication} on a random port with the embedded
 * store and tokens from a local key set. Every subclass has the same configuration, so Spring's
 * cache boots one context for all of them; the key set and the store's folder therefore live as long
 * as the test JVM (closing them after one class would pull them from under the next one's context).
 */
@SpringBootTest(
        classes = PlatformTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=platform-test", "thaw.service.area=test"})
// A loaded machine answers the first requests after a context starts slowly: 30 s, not 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class PlatformWebTestSupport {

    /** Lives as long as the test JVM, like the context that trusts it. */
    protected static final TestTokens tokens = new TestTokens();

    /** The embedded store's folder, as long as the test JVM. */
    protected static final Path dataDir = temporaryFolder();

    @DynamicPropertySource
    static void platformWebProperties(DynamicPropertyRegistry registry) {
        registry.add("thaw.security.jwk-set-uri", tokens::jwkSetUri);
        registry.add("thaw.store.data-dir", dataDir::toString);
    }

    @Autowired
    protected WebTestClient web;

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("thaw-platform-web-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package app.thaw.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class IdempotencyKeyFilterTests {

    @Test
    void acceptsOneKeyOfOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotencyKeyFilter.validKey(List.of("a"))).contains("a");
        assertThat(IdempotencyKeyFilter.validKey(List.of("0b7c2f5e-1d3a-4c8e-9f00-abcdef123456")))
                .isPresent();
        assertThat(IdempotencyKeyFilter.validKey(List.of(" !~{}\"'"))).isPresent();
        assertThat(IdempotencyKeyFilter.validKey(List.of("k".repeat(255)))).isPresent();
    }

    @Test
    void rejectsEmptyLongNonAsciiControlCharactersAndRepeatedKeys() {
        assertThat(IdempotencyKeyFilter.validKey(List.of(""))).isEmpty();
        assertThat(IdempotencyKeyFilter.validKey(List.of("k".repeat(256)))).isEmpty();
        assertThat(IdempotencyKeyFilter.validKey(List.of("clé"))).isEmpty();
        assertThat(IdempotencyKeyFilter.validKey(List.of("tab\there"))).isEmpty();
        assertThat(IdempotencyKeyFilter.validKey(List.of("del\u007f"))).isEmpty();
        assertThat(IdempotencyKeyFilter.validKey(List.of("a", "b"))).isEmpty();
    }

    @Test
    void theFingerprintChangesWithMethodPathQueryAndBody() {
        byte[] body = "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        String base = IdempotencyKeyFilter.fingerprint(HttpMethod.POST, "/api/v1/test/widgets", body);

        assertThat(base)
                .matches("[0-9a-f]{64}")
                .isEqualTo(IdempotencyKeyFilter.fingerprint(HttpMethod.POST, "/api/v1/test/widgets", body.clone()));
        assertThat(List.of(
                        IdempotencyKeyFilter.fingerprint(HttpMethod.PUT, "/api/v1/test/widgets", body),
                        IdempotencyKeyFilter.fingerprint(HttpMethod.POST, "/api/v1/test/gadgets", body),
                        IdempotencyKeyFilter.fingerprint(HttpMethod.POST, "/api/v1/test/widgets?dryRun=true", body),
                        IdempotencyKeyFilter.fingerprint(
                                HttpMethod.POST,
                                "/api/v1/test/widgets",
                                "{\"name\":\"b\"}".getBytes(StandardCharsets.UTF_8))))
                .doesNotContain(base)
                .doesNotHaveDuplicates();
    }
}

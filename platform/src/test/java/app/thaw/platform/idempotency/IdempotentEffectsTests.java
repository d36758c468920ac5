package app.thaw.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class IdempotentEffectsTests {

    static final IdempotentEffects.Key KEY =
            new IdempotentEffects.Key("acme\u0000user|client\u0000k-1", Instant.parse("2026-01-02T03:04:05Z"));

    final List<String> created = new CopyOnWriteArrayList<>();

    Mono<String> create(String id) {
        created.add(id);
        return Mono.just("made " + id);
    }

    @Test
    void withoutAKeyEveryRunCreatesUnderAFreshId() {
        StepVerifier.create(
                        IdempotentEffects.once("thing", () -> "fresh", id -> Mono.just("found " + id), this::create))
                .expectNext("made fresh")
                .verifyComplete();
        assertThat(created).containsExactly("fresh");
    }

    @Test
    void aSecondRunUnderTheSameKeyFindsTheFirstEffectAndCreatesNothing() {
        String id = KEY.uuid("thing").toString();
        StepVerifier.create(IdempotentEffects.once("thing", () -> "fresh", found -> Mono.<String>empty(), this::create)
                        .contextWrite(context -> context.put(IdempotentEffects.CONTEXT_KEY, KEY)))
                .expectNext("made " + id)
                .verifyComplete();
        StepVerifier.create(IdempotentEffects.once(
                                "thing", () -> "fresh", found -> Mono.just("found " + found), this::create)
                        .contextWrite(context -> context.put(IdempotentEffects.CONTEXT_KEY, KEY)))
                .expectNext("found " + id)
                .verifyComplete();
        assertThat(created).containsExactly(id);
    }

    @Test
    void aCreateThatMeetsItsConcurrentTwinAnswersTheTwin() {
        boolean[] lookedOnce = {false};
        StepVerifier.create(IdempotentEffects.once(
                                "thing",
                                () -> "fresh",
                                found -> {
                                    boolean second = lookedOnce[0];
                                    lookedOnce[0] = true;
                                    return second ? Mono.just("twin " + found) : Mono.<String>empty();
                                },
                                id -> Mono.<String>error(new DuplicateKeyException("taken")))
                        .contextWrite(context -> context.put(IdempotentEffects.CONTEXT_KEY, KEY)))
                .expectNext("twin " + KEY.uuid("thing"))
                .verifyComplete();
    }

    @Test
    void kindsUnderOneKeyAndKeysOfOthersNameDifferentEffects() {
        IdempotentEffects.Key other =
                new IdempotentEffects.Key("acme\u0000member|client\u0000k-1", KEY.firstClaimedAt());
        assertThat(KEY.uuid("contact")).isNotEqualTo(KEY.uuid("hold")).isNotEqualTo(other.uuid("contact"));
        assertThat(KEY.timeOrderedBytes("subject"))
                .hasSize(12)
                .startsWith((byte) 0x69, (byte) 0x57, (byte) 0x35, (byte) 0xA5)
                .isEqualTo(new IdempotentEffects.Key(KEY.seed(), KEY.firstClaimedAt()).timeOrderedBytes("subject"));
    }
}

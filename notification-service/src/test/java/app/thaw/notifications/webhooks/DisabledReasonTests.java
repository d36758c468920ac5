package app.thaw.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DisabledReasonTests {

    @Test
    void everySentenceAReasonWritesReadsBackToThatReasonWithItsNumbers() {
        assertThat(DisabledReason.read(DisabledReason.GONE.sentence()))
                .hasValue(new DisabledReason.Read(DisabledReason.GONE, List.of()));
        assertThat(DisabledReason.read(DisabledReason.BY_TENANT.sentence()))
                .hasValue(new DisabledReason.Read(DisabledReason.BY_TENANT, List.of()));
        assertThat(DisabledReason.FAILING.sentence(14L)).isEqualTo("failing for 14 days without a success");
        assertThat(DisabledReason.read(DisabledReason.FAILING.sentence(14L)))
                .hasValue(new DisabledReason.Read(DisabledReason.FAILING, List.of("14")));
    }

    @Test
    void aSentenceNoneOfThemWroteIsNotReadAsOne() {
        assertThat(DisabledReason.read("failing for 5 days")).isEmpty();
        assertThat(DisabledReason.read("failing for five days without a success"))
                .isEmpty();
        assertThat(DisabledReason.read("failing for ５ days without a success")).isEmpty();
        assertThat(DisabledReason.read("the endpoint answered HTTP 410 Gone, twice"))
                .isEmpty();
        assertThat(DisabledReason.read("")).isEmpty();
    }
}

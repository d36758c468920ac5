package app.thaw.cases.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FollowUpRulesTests {

    @Test
    void followUpFallsInLaterHalfOfStatedCycle() {
        assertThat(FollowUpRules.laterHalfOfCycle(10)).isEqualTo(7);
        assertThat(FollowUpRules.laterHalfOfCycle(30)).isEqualTo(21);
        assertThat(FollowUpRules.laterHalfOfCycle(15)).isEqualTo(11); // 10.5 rounds up
        assertThat(FollowUpRules.laterHalfOfCycle(7)).isEqualTo(5); // 4.9 rounds up
        assertThat(FollowUpRules.laterHalfOfCycle(3)).isEqualTo(3); // 2.1 rounds up
        assertThat(FollowUpRules.laterHalfOfCycle(2)).isEqualTo(2);
        assertThat(FollowUpRules.laterHalfOfCycle(1)).isEqualTo(1);
    }

    @Test
    void aCycleOfLessThanOneDayIsRefused() {
        assertThatThrownBy(() -> FollowUpRules.laterHalfOfCycle(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FollowUpRules.laterHalfOfCycle(-5)).isInstanceOf(IllegalArgumentException.class);
    }
}

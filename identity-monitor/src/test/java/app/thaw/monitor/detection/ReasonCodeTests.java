package app.thaw.monitor.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reason lines as alerts store them, read back into their codes (alerts stored before codes existed). */
class ReasonCodeTests {

    @Test
    void eachDetectorsSentenceReadsBackIntoItsCodeAndArguments() {
        assertThat(ReasonCode.read("NEW_DEVICE: LOGIN from a device this subject has not used before"))
                .isEqualTo(new Reason("NEW_DEVICE", List.of("LOGIN")));
        assertThat(ReasonCode.read("IMPOSSIBLE_TRAVEL: 12000 km in 20 min (36000 km/h, limit 900 km/h)"))
                .isEqualTo(new Reason("IMPOSSIBLE_TRAVEL", List.of("12000", "20", "36000", "900")));
        assertThat(ReasonCode.read("UNUSUAL_HOUR: PAYMENT at 03:00, an hour with 0.0% of this subject's activity"))
                .isEqualTo(new Reason("UNUSUAL_HOUR", List.of("PAYMENT", "03", "0.0")));
        assertThat(ReasonCode.read("OTP_BURST: 5 one-time codes within 10 min (limit 4)"))
                .isEqualTo(new Reason("OTP_BURST", List.of("5", "10", "4")));
        assertThat(ReasonCode.read("CONTACT_CHANGE_THEN_PAYMENT: WITHDRAWAL 0 min after the contact details changed"))
                .isEqualTo(new Reason("CONTACT_CHANGE_THEN_PAYMENT", List.of("WITHDRAWAL", "0")));
        assertThat(ReasonCode.read("NEW_INSTITUTION: Account opened at an institution this subject never used"))
                .isEqualTo(new Reason("NEW_INSTITUTION", List.of()));
    }

    @Test
    void aTenantRulesAndASanctionsHitsSentencesReadBackToo() {
        assertThat(ReasonCode.read("rule:night-loans.v2: Tenant rule 'night-loans.v2' matched CREDIT_APPLICATION"))
                .isEqualTo(new Reason("RULE_MATCHED", List.of("night-loans.v2", "CREDIT_APPLICATION")));
        // A sanctions hit's line has no detector before it.
        assertThat(ReasonCode.read("Name matches list entry 36216 with score 0.9333333333333333"))
                .isEqualTo(new Reason("SANCTIONS_MATCH", List.of("36216", "0.9333333333333333")));
    }

    @Test
    void aSentenceNoCodeKnowsIsUnknownNotGuessed() {
        assertThat(ReasonCode.read("NEW_DEVICE: a sentence an older version wrote"))
                .isEqualTo(Reason.unknown());
        assertThat(ReasonCode.read("NEW_DEVICE: LOGIN from a device this subject has not used before, twice"))
                .isEqualTo(Reason.unknown());
        assertThat(ReasonCode.read("")).isEqualTo(Reason.unknown());
        assertThat(Reason.unknown().known()).isFalse();
    }
}

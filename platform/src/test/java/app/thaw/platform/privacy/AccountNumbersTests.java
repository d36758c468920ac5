package app.thaw.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AccountNumbersTests {

    @Test
    void identifierLikeDigitRunsInFreeTextAreMaskedShorterNumbersStay() {
        assertThat(AccountNumbers.maskedInText("statement-6222029876543210987.png"))
                .isEqualTo("statement-****0987.png");
        assertThat(AccountNumbers.maskedInText("ID 11010119900307451X, tel 13912345678"))
                .isEqualTo("ID ****451X, tel ****5678");
        // Full-width digits are digits; a date, an amount or a short reference is not an identifier.
        assertThat(AccountNumbers.maskedInText("账户６２２２０２９８７６５４３２１０９８７")).isEqualTo("账户****0987");
        assertThat(AccountNumbers.maskedInText("2026-12-07 statement, CNY 48000.00, ref 12345678.pdf"))
                .isEqualTo("2026-12-07 statement, CNY 48000.00, ref 12345678.pdf");
        assertThat(AccountNumbers.maskedInText("$1 and \\2 stay")).isEqualTo("$1 and \\2 stay");
    }

    @Test
    void onlyTheLastFourCharactersShow() {
        assertThat(AccountNumbers.masked("6222021234567890123")).isEqualTo("****0123");
        assertThat(AccountNumbers.masked("LL-ACME-001")).isEqualTo("****E001");
        assertThat(AccountNumbers.masked("6222 0212 3456 7890")).isEqualTo("****7890");
        // Full-width digits are digits: the mask cannot be dodged by writing the number wide.
        assertThat(AccountNumbers.masked("６２２２０２１２３４５６")).isEqualTo("****3456");
    }

    @Test
    void aShortReferenceIsNeverShownWholeAndAMaskedOneStays() {
        assertThat(AccountNumbers.masked("1234")).isEqualTo("****");
        assertThat(AccountNumbers.masked("")).isEqualTo("****");
        assertThat(AccountNumbers.masked("****0123")).isEqualTo("****0123");
    }

    @Test
    void everyAccountNumberInNestedDataIsMaskedAndNothingElseChanges() {
        Map<String, Object> data = Map.of(
                "caseId",
                "c-1",
                "holder",
                Map.of("displayName", "Li Wei", "accountReference", "TB-LIWEI-8812"),
                "accounts",
                List.of(Map.of("account_number", "6222021234567890"), "plain"));
        Map<String, Object> masked = AccountNumbers.maskedIn(data);
        assertThat(masked.get("caseId")).isEqualTo("c-1");
        assertThat(masked.get("holder")).isEqualTo(Map.of("displayName", "Li Wei", "accountReference", "****8812"));
        assertThat(masked.get("accounts")).isEqualTo(List.of(Map.of("account_number", "****7890"), "plain"));
        assertThat(masked.toString()).doesNotContain("LIWEI-8812", "6222021234567890");
    }
}

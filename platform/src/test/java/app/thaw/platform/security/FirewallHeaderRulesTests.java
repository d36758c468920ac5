package app.thaw.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's header rules as loops say exactly what Spring's regular expressions say. */
class FirewallHeaderRulesTests {

    @Test
    void namesAndValuesAreJudgedAsSpringJudgesThem() {
        List<String> samples = new ArrayList<>(List.of(
                "",
                "Authorization",
                "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
                "text/html, application/json;q=0.9",
                "a\tb", // a tab: allowed in values, not in names
                "a\nb",
                "a\rb",
                "a\u0000b",
                "a\u007fb",
                "a\u0085b", // C1 control
                "a\u00a0b", // no-break space: assigned, not a control
                "商户名称", // CJK
                "ａｂｃ　ｄ", // full-width letters and ideographic space
                "emoji \uD83D\uDE00",
                "lone high \uD800 surrogate",
                "lone low \uDC00 surrogate",
                "unassigned \u0378",
                "private use \uE000",
                "\uFFFF",
                "زبون",
                "Ωμέγα"));
        Random random = new Random(18);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) {
                int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x30000) : random.nextInt(0x100);
                value.appendCodePoint(codePoint);
            }
            samples.add(value.toString());
        }
        for (String sample : samples) {
            assertThat(FirewallHeaderRules.NAMES.test(sample))
                    .as(
                            "name %s",
                            sample.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(sample));
            assertThat(FirewallHeaderRules.HEADER_VALUES.test(sample))
                    .as(
                            "value %s",
                            sample.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(sample));
            assertThat(FirewallHeaderRules.NAMES.test(sample))
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES.test(sample));
        }
        // The firewall also asks about headers a request does not have (getFirst answers null): Spring allows those.
        assertThat(FirewallHeaderRules.NAMES.test(null))
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null))
                .isTrue();
        assertThat(FirewallHeaderRules.HEADER_VALUES.test(null))
                .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null))
                .isTrue();
    }
}

package app.thaw.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import app.thaw.platform.security.ThawRoles;
import app.thaw.platform.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/** The platform's own messages (layout, roles, times) in both languages, and the check every dashboard uses. */
class PlatformMessagesTests {

    @Test
    void everyPlatformMessageIsInBothLanguagesWithTheSameArguments() {
        MessageBundles.assertComplete(MessageBundles.PLATFORM);
        MessageBundles.assertKeysFor(
                MessageBundles.PLATFORM,
                "thaw.role.",
                List.of(
                        ThawRoles.MERCHANT_ADMIN,
                        ThawRoles.MERCHANT_MEMBER,
                        ThawRoles.PARTNER_BANK,
                        ThawRoles.INSURER,
                        ThawRoles.STAFF_AGENT,
                        ThawRoles.STAFF_SUPERVISOR,
                        ThawRoles.COMPLIANCE_OFFICER,
                        ThawRoles.PLATFORM_ADMIN));
    }

    @Test
    void theLayoutNamesOnlyKeysThePlatformHas() {
        MessageBundles.assertTemplateKeysExist(Path.of("src/main/resources/templates/thaw"), MessageBundles.PLATFORM);
    }

    @Test
    void aChinesePageWithEnglishWordsOrAMissingKeyFailsTheCheck() {
        String ok = "<html lang=\"zh-CN\"><body><h1>案件队列</h1><p>Sam Agent · bank-demo · CNY 58,200.00</p>"
                + "<script>const left = 'time left for this one';</script></body></html>";
        assertThatCode(() -> MessageBundles.assertChinese(ok)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MessageBundles.assertChinese(ok.replace("案件队列", "Cases in the queue")))
                .hasMessageContaining("Cases in the queue");
        assertThatThrownBy(() -> MessageBundles.assertChinese(
                        ok.replace("<h1>", "<h1 aria-label=\"from a device this subject\">")))
                .hasMessageContaining("from a device this subject");
        assertThatThrownBy(() -> MessageBundles.assertChinese(ok.replace("案件队列", "??cases.title_zh_CN??")))
                .hasMessageContaining("_zh_CN??");
        // Data a test typed is allowed by name.
        assertThatCode(() -> MessageBundles.assertChinese(
                        ok.replace("案件队列", "The merchant is collecting invoices"),
                        "The merchant is collecting invoices"))
                .doesNotThrowAnyException();
    }
}

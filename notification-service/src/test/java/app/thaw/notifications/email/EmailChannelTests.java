package app.thaw.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import app.thaw.notifications.NotificationsTestBase;
import app.thaw.notifications.delivery.DeliveryId;
import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.mailbox.MailboxService;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.templates.RenderedMessage;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.test.StepVerifier;

/** E-mail against a real in-process SMTP server (GreenMail), and into the mailbox when no server is configured. */
class EmailChannelTests extends NotificationsTestBase {

    @Autowired
    MailboxService mailbox;

    @Autowired
    EmailProperties properties;

    MimeMessage onlyMailTo(String address) {
        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
                .filter(mail ->
                        GreenMailUtil.getAddressList(getRecipients(mail)).contains(address))
                .toList();
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    static jakarta.mail.Address[] getRecipients(MimeMessage mail) {
        try {
            return mail.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEmailGoesOverSmtpWithATextAndAnEscapedHtmlPart() throws Exception {
        String tenant = newTenant();
        String address = tenant + "@smtp.example";
        registerClient(
                tenant, "name", "Zhang <script>", "email", address, "channels", List.of("EMAIL"), "language", "zh-CN");

        deliver(event(
                        tenant,
                        "thaw.evidence.rejected",
                        "ev-1",
                        Map.of(
                                "caseId",
                                "case-e1",
                                "evidenceId",
                                "ev-1",
                                "requirementCode",
                                "BUSINESS_LICENSE",
                                "reasonCode",
                                "EXPIRED",
                                "note",
                                "Expired on 2024-01-01 & <b>not</b> current",
                                "verifiedBy",
                                "agent")))
                .expectStatus()
                .isOk();

        MimeMessage mail = onlyMailTo(address);
        assertThat(mail.getSubject()).isEqualTo("[case-e1] 材料未通过：营业执照（加盖公章）（已过期）");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("multipart/alternative").contains("text/plain").contains("text/html");
        String decoded = decodedParts(mail);
        assertThat(decoded)
                .contains("Expired on 2024-01-01 & <b>not</b> current")
                .contains("Expired on 2024-01-01 &amp; &lt;b&gt;not&lt;/b&gt; current");
        assertThat(mail.getHeader("X-Thaw-Delivery")[0]).contains("|EMAIL");
    }

    @Test
    void withNoSmtpServerConfiguredAnEmailIsCapturedInTheDevelopmentMailbox() {
        String tenant = newTenant();
        @SuppressWarnings("unchecked")
        ObjectProvider<JavaMailSender> none = org.mockito.Mockito.mock(ObjectProvider.class);
        EmailSender withoutSmtp = new EmailSender(none, mailbox, properties);
        OutgoingMessage message = new OutgoingMessage(
                new DeliveryId("ev|rcp|EMAIL-" + tenant),
                tenant,
                Channel.EMAIL,
                "dev@example.com",
                "rcp",
                "Dev",
                new RenderedMessage("Hello", "Plain body", "<p>HTML body</p>"),
                null,
                "thaw.case.opened",
                1);

        StepVerifier.create(withoutSmtp.send(message))
                .assertNext(outcome -> assertThat(outcome.provider()).isEqualTo("mailbox"))
                .verifyComplete();

        getAs(admin(tenant), "/api/v1/notifications/mailbox")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].to")
                .isEqualTo("dev@example.com")
                .jsonPath("$.items[0].subject")
                .isEqualTo("Hello")
                .jsonPath("$.items[0].channel")
                .isEqualTo("EMAIL");
        getAs(admin(newTenant()), "/api/v1/notifications/mailbox")
                .expectBody()
                .jsonPath("$.items")
                .isEmpty();
    }
}

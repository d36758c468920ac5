package app.thaw.notifications.email;

import app.thaw.notifications.delivery.ChannelSender;
import app.thaw.notifications.delivery.OutgoingMessage;
import app.thaw.notifications.delivery.SendOutcome;
import app.thaw.notifications.mailbox.MailboxService;
import app.thaw.notifications.recipients.Channel;
import app.thaw.notifications.templates.RenderedMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends e-mail over SMTP with a plain-text and an HTML part. Jakarta Mail blocks on the socket,
 * so every send runs on the bounded elastic scheduler, never on an event loop. With no SMTP
 * server configured the message goes to the development mailbox instead.
 */
@Component
class EmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final @Nullable JavaMailSender smtp;
    private final MailboxService mailbox;
    private final EmailProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> smtp, MailboxService mailbox, EmailProperties properties) {
        this.smtp = smtp.getIfAvailable();
        this.mailbox = mailbox;
        this.properties = properties;
        log.info(
                this.smtp == null
                        ? "No SMTP server configured (spring.mail.host): e-mails go to the development mailbox"
                        : "E-mails go out over SMTP");
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Mono<SendOutcome> send(OutgoingMessage message) {
        JavaMailSender sender = smtp;
        if (sender == null) {
            return mailbox.capture(message)
                    .map(id -> SendOutcome.success("mailbox", "captured in the development mailbox"));
        }
        return Mono.fromCallable(() -> {
                    MimeMessage mime = sender.createMimeMessage();
                    compose(mime, message);
                    sender.send(mime);
                    return SendOutcome.success("smtp", "accepted, Message-ID " + mime.getMessageID());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(
                        MailException.class,
                        failure -> Mono.just(SendOutcome.failure("smtp", String.valueOf(failure.getMessage()))))
                .onErrorResume(
                        MessagingException.class,
                        failure -> Mono.just(SendOutcome.failure("smtp", String.valueOf(failure.getMessage()))));
    }

    private void compose(MimeMessage mime, OutgoingMessage message) throws MessagingException {
        RenderedMessage rendered = message.message();
        if (rendered == null || message.address() == null) {
            throw new MessagingException("Nothing to send: no rendered message or no address");
        }
        MimeMessageHelper helper = new MimeMessageHelper(mime, rendered.html() != null, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.address());
        helper.setSubject(rendered.subject() == null ? message.eventType() : rendered.subject());
        if (rendered.html() != null) {
            helper.setText(rendered.text(), rendered.html());
        } else {
            helper.setText(rendered.text());
        }
        // Lets a mail client group the retries of one delivery and lets support find it.
        mime.setHeader("X-Thaw-Delivery", message.id().value());
    }
}

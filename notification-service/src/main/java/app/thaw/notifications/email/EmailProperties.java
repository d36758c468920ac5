package app.thaw.notifications.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail. The SMTP server itself is Spring Boot's {@code spring.mail.*} ({@code spring.mail.host}
 * set: SMTP; unset: the development mailbox).
 *
 * @param from the sender address of every notification
 */
@ConfigurationProperties("thaw.notifications.email")
public record EmailProperties(
        @DefaultValue("Thaw <notifications@thaw.local>") String from) {}

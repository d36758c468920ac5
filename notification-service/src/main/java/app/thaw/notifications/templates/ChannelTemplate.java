package app.thaw.notifications.templates;

import org.jspecify.annotations.Nullable;

/**
 * A message's template for one channel: {@code body} is the plain-text body (e-mail text part,
 * in-app body, SMS text); {@code subject} titles e-mails and in-app messages; {@code html} is the
 * e-mail's HTML part.
 */
public record ChannelTemplate(
        @Nullable String subject, String body, @Nullable String html) {}

package app.thaw.notifications.templates;

import org.jspecify.annotations.Nullable;

/** A message ready to send: subject and HTML only where its channel has them. */
public record RenderedMessage(
        @Nullable String subject, String text, @Nullable String html) {}

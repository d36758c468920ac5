package app.thaw.cases.incident;

import org.jspecify.annotations.Nullable;

/**
 * What the freezing platform or institution told the holder.
 *
 * @param text      the notice as received, Chinese or English
 * @param reference the notice's own reference number, if it has one
 */
public record Notice(String text, @Nullable String reference) {}

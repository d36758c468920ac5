/** Durable timers: deadlines, follow-ups and reminders as due-time documents, fired once by whichever instance claims them. */
@NullMarked
package app.thaw.platform.timers;

import org.jspecify.annotations.NullMarked;

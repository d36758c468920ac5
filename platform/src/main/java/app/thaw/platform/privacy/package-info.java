/** What of a protected identifier may travel: masked forms only (docs/events.md). */
@NullMarked
package app.thaw.platform.privacy;

import org.jspecify.annotations.NullMarked;

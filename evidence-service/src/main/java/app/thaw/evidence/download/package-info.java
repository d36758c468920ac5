/** Serves stored evidence content in bounded chunk windows, with HTTP ranges. */
@NullMarked
package app.thaw.evidence.download;

import org.jspecify.annotations.NullMarked;

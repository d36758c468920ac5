/** Evidence content: streamed writes, windowed reads and cleanup of interrupted uploads, behind {@link app.thaw.evidence.content.BlobStore}. */
@NullMarked
package app.thaw.evidence.content;

import org.jspecify.annotations.NullMarked;

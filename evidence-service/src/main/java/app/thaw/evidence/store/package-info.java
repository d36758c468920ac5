/** GridFS storage of evidence content: streamed writes, windowed reads, cleanup of interrupted uploads. */
@NullMarked
package app.thaw.evidence.store;

import org.jspecify.annotations.NullMarked;

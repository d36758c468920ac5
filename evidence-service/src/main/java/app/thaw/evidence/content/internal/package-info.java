/** GridFS storage of evidence content, its upload markers and the reaper of interrupted uploads. */
@NullMarked
package app.thaw.evidence.content.internal;

import org.jspecify.annotations.NullMarked;

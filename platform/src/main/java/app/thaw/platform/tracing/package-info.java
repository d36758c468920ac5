/**
 * Trace sampling: parent-based at a documented ratio, and errors always kept — the server (and
 * consumer) span of a request or event that failed leaves the process even when its trace was not
 * chosen for sampling.
 */
@NullMarked
package app.thaw.platform.tracing;

import org.jspecify.annotations.NullMarked;

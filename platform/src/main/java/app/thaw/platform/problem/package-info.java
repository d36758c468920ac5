/** RFC 9457 problem details for every error an application answers. */
@NullMarked
package app.thaw.platform.problem;

import org.jspecify.annotations.NullMarked;

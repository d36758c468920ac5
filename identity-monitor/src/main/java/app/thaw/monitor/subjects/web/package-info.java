/** HTTP endpoints for subjects. */
@NullMarked
package app.thaw.monitor.subjects.web;

import org.jspecify.annotations.NullMarked;

/** HTTP endpoints for screening. */
@NullMarked
package app.thaw.monitor.screening.web;

import org.jspecify.annotations.NullMarked;

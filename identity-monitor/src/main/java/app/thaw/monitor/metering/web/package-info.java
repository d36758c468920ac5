/** HTTP endpoints for usage. */
@NullMarked
package app.thaw.monitor.metering.web;

import org.jspecify.annotations.NullMarked;

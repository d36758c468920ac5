/** HTTP endpoints for tenant rules. */
@NullMarked
package app.thaw.monitor.rules.web;

import org.jspecify.annotations.NullMarked;

/** What every staff dashboard shares: language, layout, styles, htmx and Chart.js from WebJars, and a template engine ready before the first request. */
@NullMarked
package app.thaw.platform.dashboard;

import org.jspecify.annotations.NullMarked;

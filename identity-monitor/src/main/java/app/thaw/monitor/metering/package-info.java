/** Usage per tenant per month: subjects enrolled, signals accepted, screenings run. */
@NullMarked
package app.thaw.monitor.metering;

import org.jspecify.annotations.NullMarked;

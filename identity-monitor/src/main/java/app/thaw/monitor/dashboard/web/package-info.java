/** The staff dashboard of the monitor ({@code /dashboard/monitor/}): alert triage, subjects, ingestion rate. */
@NullMarked
package app.thaw.monitor.dashboard.web;

import org.jspecify.annotations.NullMarked;

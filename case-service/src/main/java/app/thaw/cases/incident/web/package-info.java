/** The case API: intake, the queue, lifecycle transitions, tasks, clocks, waiting, contacts and the timeline. */
@NullMarked
package app.thaw.cases.incident.web;

import org.jspecify.annotations.NullMarked;

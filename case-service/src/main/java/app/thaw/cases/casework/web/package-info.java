/** The case API: intake, the queue, lifecycle transitions, tasks, clocks, waiting, contacts, the timeline and the access log. */
@NullMarked
package app.thaw.cases.casework.web;

import org.jspecify.annotations.NullMarked;

/** The staff dashboard (issue 9): delivery log, failing webhook endpoints, dead letters, the development mailbox, golden-15 statistics. */
@NullMarked
package app.thaw.notifications.dashboard.web;

import org.jspecify.annotations.NullMarked;

/** Events between services: CloudEvents kept with the change that caused them, relayed at least once, consumed once. */
@NullMarked
package app.thaw.platform.events;

import org.jspecify.annotations.NullMarked;

package app.thaw.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the CloudEvents {@code type} whose {@code data} a record is. The producer's record and each
 * consumer's own record of the same event carry the same name; docs/events.md holds the example
 * both are tested against ({@code EventContract}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** {@code thaw.<area>.<what>}, e.g. {@code thaw.case.clock_set}. */
    String value();
}

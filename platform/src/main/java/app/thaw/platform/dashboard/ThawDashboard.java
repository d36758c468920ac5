package app.thaw.platform.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * Marks a service's dashboard controller (server-rendered pages under {@code /dashboard/<area>/}):
 * its models get the shared {@code dashboard} attributes the layout reads (area, language, user,
 * asset paths). API controllers are left alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ThawDashboard {}

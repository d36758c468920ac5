/** The problem for a field that passes bean validation but breaks a rule only this service can check. */
@NullMarked
package app.thaw.notifications.validation;

import org.jspecify.annotations.NullMarked;

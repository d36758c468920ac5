/** Platform-wide default settings, applied beneath each application's own configuration. */
@NullMarked
package app.thaw.platform.config;

import org.jspecify.annotations.NullMarked;

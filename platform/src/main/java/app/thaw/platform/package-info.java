/** Infrastructure every Thaw application shares, as Spring Boot auto-configuration; no domain types. */
@NullMarked
package app.thaw.platform;

import org.jspecify.annotations.NullMarked;

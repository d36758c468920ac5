/** The OpenAPI document every service publishes: its title and the bearer-token scheme. */
@NullMarked
package app.thaw.platform.openapi;

import org.jspecify.annotations.NullMarked;

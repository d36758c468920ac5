/** Starting and stopping the platform for system tests, and getting tokens from its Keycloak. */
@NullMarked
package app.thaw.systemtests.support;

import org.jspecify.annotations.NullMarked;

/** Bearer-token validation against Keycloak, realm roles as authorities, and the caller's tenant. */
@NullMarked
package app.thaw.platform.security;

import org.jspecify.annotations.NullMarked;

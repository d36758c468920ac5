/** Thaw tested as its users meet it: separate processes, a real Keycloak, HTTP only. */
@NullMarked
package app.thaw.systemtests;

import org.jspecify.annotations.NullMarked;

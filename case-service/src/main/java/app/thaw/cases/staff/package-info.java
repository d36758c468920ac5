/** The staff directory: who works cases, by user name and display name, read from Keycloak and cached. */
@NullMarked
package app.thaw.cases.staff;

import org.jspecify.annotations.NullMarked;

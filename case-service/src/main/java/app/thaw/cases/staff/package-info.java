/**
 * Who is who, read from Keycloak and kept: the staff directory (who works cases, by user name and display name)
 * and tenants' names (their organizations').
 */
@NullMarked
package app.thaw.cases.staff;

import org.jspecify.annotations.NullMarked;

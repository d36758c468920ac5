/** The five acceptance journeys of docs/domain.md §12, end to end through the gateway with real Keycloak tokens. */
package app.thaw.systemtests.journeys;

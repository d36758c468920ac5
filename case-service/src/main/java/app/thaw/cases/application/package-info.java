/** The case service's application layer: loads and stores cases for the caller's tenant, publishes their events, runs their clocks. */
@NullMarked
package app.thaw.cases.application;

import org.jspecify.annotations.NullMarked;

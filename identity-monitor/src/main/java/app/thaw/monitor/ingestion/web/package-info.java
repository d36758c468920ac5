/** HTTP endpoints for single signals and NDJSON batches. */
@NullMarked
package app.thaw.monitor.ingestion.web;

import org.jspecify.annotations.NullMarked;

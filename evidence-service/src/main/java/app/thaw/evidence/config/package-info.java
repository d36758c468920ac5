/** Per-tenant settings of the evidence service, with defaults. */
@NullMarked
package app.thaw.evidence.config;

import org.jspecify.annotations.NullMarked;

/** Legal holds: placed and released by compliance, automatic for compliance and judicial cases; a held case's evidence cannot be deleted. */
@NullMarked
package app.thaw.evidence.hold;

import org.jspecify.annotations.NullMarked;

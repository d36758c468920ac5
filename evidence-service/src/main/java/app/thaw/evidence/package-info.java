/** Evidence: streamed files with hashes, a tamper-evident custody log, legal holds and signed dossiers. */
@NullMarked
package app.thaw.evidence;

import org.jspecify.annotations.NullMarked;

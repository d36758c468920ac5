/** Name normalisation, transliteration and fuzzy matching against a sanctions list; plain Java. */
@NullMarked
package app.thaw.monitor.screening.matching;

import org.jspecify.annotations.NullMarked;

/** HTTP entry for reading an item and downloading its content. */
@NullMarked
package app.thaw.evidence.download.web;

import org.jspecify.annotations.NullMarked;

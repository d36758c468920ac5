/** HTTP entry for listing and deleting items. */
@NullMarked
package app.thaw.evidence.item.web;

import org.jspecify.annotations.NullMarked;

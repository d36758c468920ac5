/** Evidence items: the model (item, verdict, requirement), its store, and opening an item for a caller through its case. */
@NullMarked
package app.thaw.evidence.item;

import org.jspecify.annotations.NullMarked;

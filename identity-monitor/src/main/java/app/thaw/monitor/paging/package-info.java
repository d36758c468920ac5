/** One page of a list and the cursor of the next, as every list endpoint answers it. */
@NullMarked
package app.thaw.monitor.paging;

import org.jspecify.annotations.NullMarked;

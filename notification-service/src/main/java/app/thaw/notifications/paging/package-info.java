/** Lists by page: a bounded page request with a cursor, and the page it answers. */
@NullMarked
package app.thaw.notifications.paging;

import org.jspecify.annotations.NullMarked;

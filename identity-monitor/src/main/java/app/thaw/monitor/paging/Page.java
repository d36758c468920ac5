package app.thaw.monitor.paging;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list and the cursor of the next (absent on the last page).
 *
 * @param items      this page
 * @param nextCursor pass as {@code cursor} to read on
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    /** The largest page any list answers. */
    public static final int MAX_LIMIT = 200;

    public static int limit(@Nullable Integer requested) {
        return requested == null ? 50 : Math.max(1, Math.min(MAX_LIMIT, requested));
    }

    /** From {@code limit + 1} items read: the extra one only says there is more. */
    public static <T> Page<T> of(List<T> readOneMore, int limit, java.util.function.Function<T, String> cursorOf) {
        if (readOneMore.size() <= limit) {
            return new Page<>(readOneMore, null);
        }
        List<T> page = readOneMore.subList(0, limit);
        return new Page<>(List.copyOf(page), cursorOf.apply(page.getLast()));
    }
}

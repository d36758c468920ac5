package app.thaw.notifications.paging;

import app.thaw.notifications.validation.InvalidField;
import org.jspecify.annotations.Nullable;

/**
 * A cursor page request with an explicit maximum: lists are never unbounded, the embedded store
 * materialises every match of a query in memory. A store reads the items after {@code cursor} in id
 * order, {@link #fetch()} of them, and makes the page with {@link Page#of}.
 */
public record PageRequest(@Nullable String cursor, int limit) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public static PageRequest of(@Nullable String cursor, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidPageSize(size);
        }
        return new PageRequest(cursor == null || cursor.isBlank() ? null : cursor, size);
    }

    /** How many items a store fetches: one more than the page holds, to learn whether a next page exists. */
    public int fetch() {
        return limit + 1;
    }

    /** A page size outside 1..100. */
    static final class InvalidPageSize extends InvalidField {
        InvalidPageSize(int size) {
            super("limit", "Range", "must be between 1 and " + MAX_LIMIT + " (was " + size + ")");
        }
    }
}

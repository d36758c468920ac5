package app.thaw.notifications.paging;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list, ordered by id: {@code nextCursor} is the id to continue after, absent on the
 * last page.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /** Builds a page from {@code limit + 1} fetched items: the extra one only says there is more. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> idOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, idOf.apply(items.getLast()));
    }
}

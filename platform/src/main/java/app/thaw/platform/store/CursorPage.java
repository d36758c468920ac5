package app.thaw.platform.store;

import java.util.List;
import java.util.function.Function;

import app.thaw.platform.problem.InvalidField;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One page of a list and the cursor to read on (absent on the last page): how every list in Thaw
 * pages. Lists are ordered by id and never unbounded — the embedded store materialises every match of
 * a query in memory — so a page is asked for with a {@link Request} of at most {@link #MAX_LIMIT}.
 *
 * @param items      this page
 * @param nextCursor pass as {@code cursor} to read the next page; absent on the last one
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public CursorPage {
        items = List.copyOf(items);
    }

    /** From {@code limit + 1} items read in order: the extra one only says there is more. */
    public static <T> CursorPage<T> of(List<T> readOneMore, int limit, Function<T, String> cursorOf) {
        if (readOneMore.size() <= limit) {
            return new CursorPage<>(readOneMore, null);
        }
        List<T> page = readOneMore.subList(0, limit);
        return new CursorPage<>(page, cursorOf.apply(page.getLast()));
    }

    /**
     * {@code criteria} read from the newest end: ids that grow with time, sorted backwards, before
     * {@code cursor} (the last id of the page before, absent for the first), at most {@code limit}.
     * For lists that show the latest first (alerts, signals); a caller that pages asks for one more
     * than it shows, as {@link Request#query} does.
     */
    public static Query newestFirst(Criteria criteria, @Nullable String cursor, int limit) {
        Criteria before = cursor == null ? criteria : criteria.and("_id").lt(cursor);
        return Query.query(before).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /**
     * A request for one page: continue after {@code cursor} (an id), at most {@code limit} items.
     *
     * @param cursor absent for the first page
     */
    public record Request(@Nullable String cursor, int limit) {

        /**
         * The page asked for by a {@code cursor} and {@code limit} parameter: {@link #DEFAULT_LIMIT} when no
         * limit is given; a limit outside 1..{@code maxLimit} is 400 {@code validation_failed} on
         * {@code limit}, rule {@code Range} — never silently clamped.
         */
        public static Request of(@Nullable String cursor, @Nullable Integer limit, int maxLimit) {
            int size = limit == null ? Math.min(DEFAULT_LIMIT, maxLimit) : limit;
            if (size < 1 || size > maxLimit) {
                throw new InvalidField("limit", "Range", "must be between 1 and " + maxLimit + " (was " + size + ")");
            }
            return new Request(cursor == null || cursor.isBlank() ? null : cursor, size);
        }

        /** {@link #of(String, Integer, int)} with the usual maximum, {@link #MAX_LIMIT}. */
        public static Request of(@Nullable String cursor, @Nullable Integer limit) {
            return of(cursor, limit, MAX_LIMIT);
        }

        /** {@code criteria}, after the cursor, sorted by id, reading one more than the limit to learn whether a next page exists. */
        public Query query(Criteria criteria) {
            Criteria scoped = cursor == null
                    ? criteria
                    : new Criteria().andOperator(criteria, Criteria.where("_id").gt(cursor));
            return Query.query(scoped).with(Sort.by("_id")).limit(limit + 1);
        }

        /** The page these items make, {@code readOneMore} being what {@link #query} found. */
        public <T> CursorPage<T> page(List<T> readOneMore, Function<T, String> idOf) {
            return CursorPage.of(readOneMore, limit, idOf);
        }
    }
}

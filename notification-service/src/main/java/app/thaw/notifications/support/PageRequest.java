package app.thaw.notifications.support;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A cursor page request with an explicit maximum: lists are never unbounded, the embedded store
 * materialises every match of a query in memory.
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

    /** Applies the cursor and the limit (plus one, to learn whether a next page exists) to a query sorted by id. */
    public Query apply(Criteria criteria) {
        Criteria scoped = cursor == null ? criteria : new Criteria().andOperator(criteria, Criteria.where("_id").gt(cursor));
        return Query.query(scoped).with(Sort.by("_id")).limit(limit + 1);
    }

    /** A page size outside 1..100. */
    static final class InvalidPageSize extends InvalidField {
        InvalidPageSize(int size) {
            super("limit", "Range", "must be between 1 and " + MAX_LIMIT + " (was " + size + ")");
        }
    }
}

package io.covenant.shared.web;

import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.paging.Limits;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The paging query parameters of a cursor-paginated list, bound as a record of its own beside the list's filter
 * record ({@code @ParameterObject PageParams page}).
 */
public record PageParams(
        @Parameter(description = "The next_cursor of the previous page; absent for the first page") @Nullable
        String cursor,

        @Parameter(description = "Items per page, 1 to " + Limits.MAX + " (default " + Limits.DEFAULT + ")") @Nullable
        Integer limit) {

    /** The page size asked for, or the default; outside the allowed range it is the client's error. */
    public int size() {
        return Limits.check(limit);
    }

    /** The keyset position to continue after; null on the first page. */
    public @Nullable Cursor after() {
        return Cursor.decode(cursor);
    }

    /** The page answered from {@code fetched} ({@link #size()} + 1 rows), with a next cursor when there is more. */
    public <T> CursorPage<T> page(List<T> fetched, Function<T, Cursor> cursorOf) {
        return CursorPage.of(fetched, size(), cursorOf);
    }
}

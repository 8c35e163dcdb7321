package io.covenant.shared.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One page of a cursor-paginated list; {@code next_cursor} is absent on the last page. */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    /**
     * Builds the page from {@code limit + 1} fetched rows: the extra row only proves there is a next page.
     */
    public static <T> CursorPage<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new CursorPage<>(
                List.copyOf(items), cursorOf.apply(items.get(limit - 1)).encode());
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }
}

package io.covenant.shared.paging;

import io.covenant.shared.error.InvalidInput;
import org.jspecify.annotations.Nullable;

/** Page sizes a client may ask for. */
public final class Limits {

    public static final int DEFAULT = 20;

    public static final int MAX = 200;

    private Limits() {}

    public static int check(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT;
        }
        if (limit < 1 || limit > MAX) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX);
        }
        return limit;
    }

    public static int offset(@Nullable Integer offset) {
        if (offset == null) {
            return 0;
        }
        if (offset < 0) {
            throw InvalidInput.of("offset", "must not be negative");
        }
        return offset;
    }
}

package io.covenant.search.web;

import io.covenant.shared.error.InvalidInput;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The query parameters of {@code GET /api/v1/search}, bound as one record. */
record SearchParams(
        @Nullable String q,
        @Nullable String mode,
        @Nullable UUID company,
        @Nullable String form,
        @Nullable String section,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable Integer limit) {

    /** How many results to return: 10 unless asked, never more than 50. */
    int size() {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > 50) {
            throw InvalidInput.of("limit", "must be between 1 and 50");
        }
        return n;
    }
}

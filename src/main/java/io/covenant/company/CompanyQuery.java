package io.covenant.company;

import org.jspecify.annotations.Nullable;

/**
 * One page of a company list as the repository reads it: the filter, the order, and either a keyset cursor
 * ({@code after}) or an offset; {@code limit} rows are asked for (one more is read to see a next page).
 */
record CompanyQuery(
        CompanyFilter filter,
        CompanySort sort,
        boolean ascending,
        @Nullable CompanyCursor after,
        int limit,
        int offset) {}

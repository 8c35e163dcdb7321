package io.covenant.company;

import java.util.List;

/**
 * A page of companies: {@code total} for offset paging, counted up to ten pages past this one ({@code total_capped}
 * says there are more), {@code next_cursor} for keyset paging.
 */
public record CompanyPage(List<Company> items, long total, boolean totalCapped, String nextCursor) {

    /** How far a page's total is counted: ten pages past it, never every visible row. */
    static int countedUpTo(int limit, int offset) {
        return offset + 10 * limit;
    }
}

package io.covenant.company;

import java.util.List;

/** A page of companies: {@code total} for offset paging, {@code next_cursor} for keyset paging. */
public record CompanyPage(List<Company> items, long total, String nextCursor) {
}

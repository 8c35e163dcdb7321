package io.covenant.company;

import io.covenant.shared.security.AccessLevel;

/**
 * Filters of the company list; every one optional. {@code q} searches name and description as text, {@code name}
 * matches names fuzzily (trigram similarity).
 */
public record CompanyFilter(
        String sector,
        String subsector,
        String category,
        String country,
        String exchange,
        AccessLevel accessLevel,
        Long marketCapMin,
        Long marketCapMax,
        Integer foundedYearMin,
        Integer foundedYearMax,
        String q,
        String name) {

    public static CompanyFilter none() {
        return new CompanyFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

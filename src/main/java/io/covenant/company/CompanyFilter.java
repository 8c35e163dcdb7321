package io.covenant.company;

import io.covenant.shared.security.AccessLevel;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the company list; every one optional. {@code q} searches name and description as text, {@code name}
 * matches names fuzzily (trigram similarity).
 */
public record CompanyFilter(
        @Nullable String sector,
        @Nullable String subsector,
        @Nullable String category,
        @Nullable String country,
        @Nullable String exchange,
        @Nullable AccessLevel accessLevel,
        @Nullable Long marketCapMin,
        @Nullable Long marketCapMax,
        @Nullable Integer foundedYearMin,
        @Nullable Integer foundedYearMax,
        @Nullable String q,
        @Nullable String name) {

    public static CompanyFilter none() {
        return new CompanyFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Only the companies of this sector. */
    public static CompanyFilter inSector(String sector) {
        return new CompanyFilter(sector, null, null, null, null, null, null, null, null, null, null, null);
    }
}

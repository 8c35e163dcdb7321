package io.covenant.company.web;

import io.covenant.company.CompanyFilter;
import io.covenant.company.CompanySort;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.AccessLevel;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The filter and order parameters of the company list, bound as one record beside its page. */
record CompanyListParams(
        @Nullable String sector,
        @Nullable String subsector,
        @Nullable String category,
        @Nullable String country,
        @Nullable String exchange,
        @Nullable String accessLevel,
        @Nullable Long marketCapMin,
        @Nullable Long marketCapMax,
        @Nullable Integer foundedYearMin,
        @Nullable Integer foundedYearMax,
        @Nullable String q,
        @Nullable String name,
        @Nullable String sort,
        @Nullable String order,
        @Nullable Integer offset) {

    CompanyFilter filter() {
        return new CompanyFilter(
                sector,
                subsector,
                category,
                country,
                exchange,
                AccessLevel.parse(accessLevel),
                marketCapMin,
                marketCapMax,
                foundedYearMin,
                foundedYearMax,
                blankToNull(q),
                blankToNull(name));
    }

    CompanySort companySort() {
        return CompanySort.of(sort);
    }

    @Nullable
    Boolean ascending() {
        if (order == null) {
            return null;
        }
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw InvalidInput.of("order", "must be asc or desc");
        };
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

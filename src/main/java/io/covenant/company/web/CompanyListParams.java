package io.covenant.company.web;

import io.covenant.company.CompanyFilter;
import io.covenant.company.CompanySort;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.AccessLevel;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of the company list, bound as one record. Multi-word names carry both annotations:
 * {@code @BindParam} for Spring and {@code @Parameter} for springdoc, which does not read the former
 * (springdoc-openapi#2652).
 */
record CompanyListParams(
        @Nullable String sector,
        @Nullable String subsector,
        @Nullable String category,
        @Nullable String country,
        @Nullable String exchange,

        @Parameter(name = "access_level") @BindParam("access_level") @Nullable
        String accessLevel,

        @Parameter(name = "market_cap_min") @BindParam("market_cap_min") @Nullable
        Long marketCapMin,

        @Parameter(name = "market_cap_max") @BindParam("market_cap_max") @Nullable
        Long marketCapMax,

        @Parameter(name = "founded_year_min") @BindParam("founded_year_min") @Nullable
        Integer foundedYearMin,

        @Parameter(name = "founded_year_max") @BindParam("founded_year_max") @Nullable
        Integer foundedYearMax,

        @Nullable String q,
        @Nullable String name,
        @Nullable String sort,
        @Nullable String order,
        @Nullable String cursor,
        @Nullable Integer limit,
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

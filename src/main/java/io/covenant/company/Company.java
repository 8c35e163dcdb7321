package io.covenant.company;

import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Owned;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A company profile as other modules and the API see it; {@code @Nullable} where the column allows NULL. */
public record Company(
        UUID id,
        String symbol,
        @Nullable String cik,
        String name,
        @Nullable String legalName,
        @Nullable String category,
        String sector,
        @Nullable String subsector,
        @Nullable String industry,
        List<String> subcategory,
        List<String> monetizationStrategy,
        @Nullable String sicCode,
        @Nullable Integer foundedYear,
        @Nullable String headquarters,
        @Nullable Integer employeeCount,
        @Nullable Long marketCap,
        @Nullable String country,
        @Nullable String currency,
        @Nullable String exchange,
        @Nullable String website,
        @Nullable String description,
        @Nullable String fiscalYearEnd,
        @Nullable UUID organizationId,
        AccessLevel accessLevel,
        UUID createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt)
        implements Owned {}

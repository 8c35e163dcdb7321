package io.covenant.company;

import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Owned;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A company profile as other modules and the API see it. */
public record Company(
        UUID id,
        String symbol,
        String cik,
        String name,
        String legalName,
        String category,
        String sector,
        String subsector,
        String industry,
        List<String> subcategory,
        List<String> monetizationStrategy,
        String sicCode,
        Integer foundedYear,
        String headquarters,
        Integer employeeCount,
        Long marketCap,
        String country,
        String currency,
        String exchange,
        String website,
        String description,
        String fiscalYearEnd,
        @Nullable UUID organizationId,
        AccessLevel accessLevel,
        UUID createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt)
        implements Owned {}

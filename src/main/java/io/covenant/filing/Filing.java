package io.covenant.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An SEC filing of a company; {@code @Nullable} where the column allows NULL. */
public record Filing(
        UUID id,
        UUID companyId,
        String filingType,
        LocalDate filingDate,
        @Nullable LocalDate periodOfReport,
        String accessionNumber,
        @Nullable Integer fiscalYear,
        @Nullable String fiscalPeriod,
        @Nullable String filingUrl,
        @Nullable String documentUrl,
        @Nullable String primaryDocument,
        @Nullable String description,
        boolean isXbrl,
        String processingStatus,
        OffsetDateTime createdAt) {}

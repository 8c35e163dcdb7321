package io.covenant.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An SEC filing of a company. */
public record Filing(
        UUID id,
        UUID companyId,
        String filingType,
        LocalDate filingDate,
        LocalDate periodOfReport,
        String accessionNumber,
        Integer fiscalYear,
        String fiscalPeriod,
        String filingUrl,
        String documentUrl,
        String primaryDocument,
        String description,
        boolean isXbrl,
        String processingStatus,
        OffsetDateTime createdAt) {}

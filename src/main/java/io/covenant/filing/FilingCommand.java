package io.covenant.filing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A filing as an import records it; the accession number identifies it. */
public record FilingCommand(
        @Nullable String accessionNumber,
        @Nullable String filingType,
        @Nullable LocalDate filingDate,
        @Nullable LocalDate periodOfReport,
        @Nullable Integer fiscalYear,
        @Nullable String fiscalPeriod,
        @Nullable String filingUrl,
        @Nullable String documentUrl,
        @Nullable String primaryDocument,
        @Nullable String description,
        boolean isXbrl) {}

package io.covenant.filing;

import java.time.LocalDate;

/** A filing as an import records it; the accession number identifies it. */
public record FilingCommand(
        String accessionNumber,
        String filingType,
        LocalDate filingDate,
        LocalDate periodOfReport,
        Integer fiscalYear,
        String fiscalPeriod,
        String filingUrl,
        String documentUrl,
        String primaryDocument,
        String description,
        boolean isXbrl) {}

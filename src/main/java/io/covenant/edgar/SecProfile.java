package io.covenant.edgar;

import io.covenant.company.CompanyCommand;
import org.jspecify.annotations.Nullable;

/**
 * What SEC's documents and lists tell of a company; the other fields of a company profile stay empty, or on a
 * refresh keep what they were (see {@code EdgarWriter.upsert}).
 */
record SecProfile(
        String symbol,
        String cik,
        String name,
        @Nullable String category,
        String sector,
        @Nullable String industry,
        @Nullable String sic,
        @Nullable String exchange,
        @Nullable String website,
        @Nullable String description,
        @Nullable String fiscalYearEnd) {

    /** The profile as a system company command; a SIC code that is not 4 digits is left out. */
    CompanyCommand command() {
        return new CompanyCommand(
                symbol,
                cik,
                name,
                null,
                category,
                sector,
                null,
                industry,
                null,
                null,
                sic != null && sic.matches("\\d{4}") ? sic : null,
                null,
                null,
                null,
                null,
                null,
                null,
                exchange,
                website,
                description,
                fiscalYearEnd,
                null);
    }
}

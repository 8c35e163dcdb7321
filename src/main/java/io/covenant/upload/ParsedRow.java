package io.covenant.upload;

import io.covenant.company.CompanyCommand;
import java.util.List;

/** A row of an upload read into its company, period and ratios, or the errors that keep it from being stored. */
record ParsedRow(
        int number,
        String symbol,
        CompanyCommand company,
        String year,
        String quarter,
        double[] ratios,
        List<RowError> errors) {

    boolean valid() {
        return errors.isEmpty();
    }

    /** The prediction this row makes: one per company symbol and period in a file. */
    String key() {
        return symbol + "|" + year + "|" + quarter;
    }
}

package io.covenant.company;

import io.covenant.shared.error.InvalidInput;
import java.util.Locale;

/** The orders a company list can take; keyset cursors work on the non-null ones. */
public enum CompanySort {
    CREATED_AT("c.created_at", true),
    NAME("c.name", true),
    SYMBOL("c.symbol", true),
    MARKET_CAP("c.market_cap", false),
    FOUNDED_YEAR("c.founded_year", false);

    final String column;

    final boolean cursorable;

    CompanySort(String column, boolean cursorable) {
        this.column = column;
        this.cursorable = cursorable;
    }

    public static CompanySort of(String value) {
        if (value == null || value.isBlank()) {
            return CREATED_AT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw InvalidInput.of("sort", "must be one of created_at, name, symbol, market_cap, founded_year");
        }
    }
}
